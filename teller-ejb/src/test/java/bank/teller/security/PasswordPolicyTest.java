package bank.teller.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(12);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Sh0rt!pass|PASSWORD_TOO_SHORT",
            "onlyletterslong|PASSWORD_TOO_SIMPLE",
            "lettersand12345|PASSWORD_TOO_SIMPLE",
            "letters&symbols!|PASSWORD_TOO_SIMPLE",
            "123456789012!!|PASSWORD_TOO_SIMPLE",
            "P@ssw0rd2024!|PASSWORD_COMMON",
            "Password1234!|PASSWORD_COMMON",
            "!!Qwerty123456|PASSWORD_COMMON",
            "Sunshine2024#|PASSWORD_COMMON",
            "zhang.wei#2024|PASSWORD_COMMON",
    })
    void weakPasswordsAreRefusedWithTheRuleTheyBreak(String password, ErrorCode expected) {
        TellerException e = assertThrows(TellerException.class, () -> policy.check(password, "zhang.wei"));
        assertEquals(expected, e.code(), password);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Till1!Counter-Blue", "7rivers&Jade-moon", "柜员密码Blue#2031x"})
    void strongPasswordsPass(String password) {
        assertDoesNotThrow(() -> policy.check(password, "teller9"));
    }

    @ParameterizedTest
    @CsvSource({"p@ssw0rd2024!,password", "!!qwerty123456,qwerty", "s3cr3t!,secret", "tr0ub4dor&3,troubador"})
    void decorationIsUndoneBeforeTheListIsAsked(String lower, String word) {
        assertEquals(word, PasswordPolicy.undecorate(lower));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "123456", "iloveyou", "qwerty123"})
    void theShippedListHasTheUsualSuspects(String password) {
        assertEquals(true, PasswordPolicy.isCommon(password));
    }
}
