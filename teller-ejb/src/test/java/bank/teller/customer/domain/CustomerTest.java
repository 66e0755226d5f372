package bank.teller.customer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerTest {

    private static final Instant NOW = Instant.parse("2026-11-27T01:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final ResidentId ZHANG = new ResidentId("11010519491231002X");

    private static Customer zhang(String phone, String address) {
        return Customer.individual("张三", ZHANG, phone, address, null, NOW, "teller1");
    }

    private static ErrorCode refusal(org.junit.jupiter.api.function.Executable action) {
        return assertThrows(TellerException.class, action).code();
    }

    @Test
    void phoneNumbersShowTheirEndsOnly() {
        assertEquals("138****8000", Customer.maskedPhone("13800138000"));
        assertEquals("021*****5678", Customer.maskedPhone("021-62345678"));
        assertEquals("+86*******8000", Customer.maskedPhone("+8613800138000"));
        assertEquals("95***88", Customer.maskedPhone("9555888"));
        assertEquals("*****", Customer.maskedPhone("95588"));
        assertEquals(null, Customer.maskedPhone(null));
    }

    @Test
    void anIndividualIsKnownByTheResidentIdWhichGivesBirthDateAndGender() {
        Customer customer = zhang("13800138000", "北京市西城区金融大街1号");
        assertEquals(CustomerType.INDIVIDUAL, customer.type());
        assertEquals(LocalDate.of(1949, 12, 31), customer.residentId().birthDate());
        assertEquals("F", customer.residentId().gender(), "the 17th digit 2 is even");
        assertEquals("M", new ResidentId("440304198503151231").gender());
        assertEquals("1****************X", customer.maskedIdNumber());
        assertFalse(customer.verified());
    }

    @Test
    void anIndividualNeedsAPhoneAndAnAddress() {
        assertEquals(ErrorCode.TEXT_INVALID, refusal(() -> zhang(null, "地址")));
        assertEquals(ErrorCode.TEXT_INVALID, refusal(() -> zhang("13800138000", "  ")));
        assertEquals(ErrorCode.TEXT_INVALID, refusal(() -> zhang("13800138000", "x".repeat(201))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "abc", "138-0013-800a", "+", "1380013800013800138000", "<script>"})
    void aPhoneNumberMustLookLikeOne(String phone) {
        assertEquals(ErrorCode.PHONE_INVALID, refusal(() -> zhang(phone, "地址")));
    }

    @Test
    void aCompanyIsKnownByItsCreditCodeShownInFullAndNeedsItsRepresentativeAndContact() {
        UnifiedSocialCreditCode code = new UnifiedSocialCreditCode("91110105MA01ABCD13");
        Customer company = Customer.corporate("北京示范科技有限公司", code, "赵六", "北京市海淀区", "钱七", "010-82345678",
                NOW, "teller1");
        assertEquals(CustomerType.CORPORATE, company.type());
        assertEquals("91110105MA01ABCD13", company.maskedIdNumber());
        assertEquals(ErrorCode.TEXT_INVALID, refusal(() -> Customer.corporate("公司", code, " ", "地址", "钱七",
                "010-82345678", NOW, "teller1")));
        assertEquals(ErrorCode.TEXT_INVALID, refusal(() -> Customer.corporate("公司", code, "赵六", "地址", "钱七",
                null, NOW, "teller1")));
    }

    @Test
    void onlyAMatchingCheckOfTheSameDocumentNameAndDayVerifiesACustomer() {
        Customer customer = zhang("13800138000", "地址");
        assertEquals(ErrorCode.CUSTOMER_NOT_VERIFIED, refusal(customer::requireVerified));
        assertEquals(ErrorCode.CUSTOMER_NOT_VERIFIED, refusal(() -> customer.verifiedBy(
                check("张三", VerificationResult.NAME_MISMATCH, TODAY), TODAY)));
        assertEquals(ErrorCode.CUSTOMER_NOT_VERIFIED, refusal(() -> customer.verifiedBy(
                check("张三丰", VerificationResult.MATCH, TODAY), TODAY)));
        assertEquals(ErrorCode.CUSTOMER_NOT_VERIFIED, refusal(() -> customer.verifiedBy(
                check("张三", VerificationResult.MATCH, TODAY.minusDays(1)), TODAY)));
        customer.verifiedBy(check("张三", VerificationResult.MATCH, TODAY), TODAY);
        assertTrue(customer.verified());
        customer.requireVerified();
    }

    private static IdentityVerification check(String name, VerificationResult result, LocalDate day) {
        IdentityVerification check = new IdentityVerification(IdType.RESIDENT_ID, ZHANG.value(), name, result, "SIM-1",
                "teller1", NOW, day);
        try {
            var id = IdentityVerification.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(check, 7L);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return check;
    }
}
