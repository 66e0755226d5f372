package bank.teller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.AccountClosing;
import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.CashWithdrawals;
import bank.teller.account.application.Transfers;
import bank.teller.account.domain.AccountType;
import bank.teller.customer.domain.CustomerType;
import bank.teller.customer.domain.VerificationResult;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @Test
    void everyErrorCodeHasAMessageInChineseAndEnglish() {
        for (ErrorCode code : ErrorCode.values()) {
            String en = ErrorMessages.text(code, Locale.ENGLISH, "x", "y");
            String zh = ErrorMessages.text(code, CHINESE, "x", "y");
            assertNotEquals(code.messageKey(), en, "no English message for " + code);
            assertNotEquals(code.messageKey(), zh, "no Chinese message for " + code);
            assertNotEquals(en, zh, "Chinese message of " + code + " is the English one");
        }
    }

    @Test
    void everyKindOfPostingHasANameInBothLanguages() {
        for (String type : new String[]{CashDeposits.OPERATION, CashWithdrawals.OPERATION, Transfers.OPERATION,
                AccountClosing.OPERATION}) {
            for (Locale locale : new Locale[]{Locale.ENGLISH, CHINESE}) {
                assertNotEquals("txType." + type, ErrorMessages.format("txType." + type, locale), type + " " + locale);
            }
        }
    }

    @Test
    void everyAccountTypeCustomerTypeAndVerificationResultHasALabelInBothLanguages() {
        List<String> keys = new ArrayList<>();
        Arrays.stream(AccountType.values()).forEach(t -> keys.add("account.type." + t));
        Arrays.stream(CustomerType.values()).forEach(t -> keys.add("customer.type." + t));
        Arrays.stream(VerificationResult.values()).forEach(r -> keys.add("customer.verify.result." + r));
        Arrays.stream(VerificationResult.values()).filter(r -> r != VerificationResult.MATCH)
                .forEach(r -> keys.add("customer.verify.failed." + r));
        for (String key : keys) {
            for (Locale locale : new Locale[]{Locale.ENGLISH, CHINESE}) {
                assertNotEquals(key, ErrorMessages.format(key, locale), key + " " + locale);
            }
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertEquals(keys(Locale.ENGLISH), keys(CHINESE));
    }

    @Test
    void argumentsAreFilledIn() {
        String text = ErrorMessages.text(new TellerException(ErrorCode.ACCOUNT_NOT_FOUND, "0001010000000017"), CHINESE);
        assertTrue(text.contains("0001010000000017"), text);
    }

    private static Set<String> keys(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(ErrorMessages.BUNDLE, locale);
        return new TreeSet<>(Collections.list(bundle.getKeys()));
    }
}
