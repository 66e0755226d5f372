package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.AccountQueries;
import bank.teller.account.application.AccountView;
import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.CashWithdrawals;
import bank.teller.account.application.Receipt;
import bank.teller.account.application.Transfers;
import bank.teller.customer.application.CustomerView;
import bank.teller.customer.application.PersonalData;
import bank.teller.customer.application.Customers;
import bank.teller.customer.application.IndividualDetails;
import bank.teller.customer.application.VerificationView;
import bank.teller.fee.application.FeeQuote;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Customers are verified before they are registered; account types keep their rules (one class-I
 * and one basic account, class II/III limits, corporate cash, temporary expiry); fees from the
 * schedule are quoted and posted as their own lines.
 */
@ExtendWith(ArquillianExtension.class)
class CustomersAndAccountTypesIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("customers-it", CustomersAndAccountTypesIT.class);
    }

    @Inject
    AsUser asUser;

    private Customers customers;
    private AccountQueries queries;
    private CashDeposits deposits;
    private CashWithdrawals withdrawals;
    private Transfers transfers;

    @BeforeEach
    void lookUpServices() {
        customers = Lookup.ejb("teller-ejb", Customers.class);
        queries = Lookup.ejb("teller-ejb", AccountQueries.class);
        deposits = Lookup.ejb("teller-ejb", CashDeposits.class);
        withdrawals = Lookup.ejb("teller-ejb", CashWithdrawals.class);
        transfers = Lookup.ejb("teller-ejb", Transfers.class);
    }

    private ErrorCode refusal(AsUser.Work<?> work) {
        return assertThrows(TellerException.class, () -> asUser.teller(work)).code();
    }

    @Test
    void aCustomerIsRegisteredOnlyOnAMatchingIdentityCheckWhichIsRecordedWhateverItsResult() throws Exception {
        String residentId = TestData.residentId();
        VerificationView mismatch = asUser.teller(() -> customers.verify("RESIDENT_ID", residentId, "名字不符"));
        assertEquals("NAME_MISMATCH", mismatch.result());
        assertEquals(AsUser.TELLER, mismatch.verifiedBy());
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM identity_verification WHERE id = ? AND result = 'NAME_MISMATCH'",
                mismatch.id()), "a failed check is recorded too");
        IndividualDetails details = new IndividualDetails("名字不符", residentId, null, null, "13800138000", "地址", null);
        assertEquals(ErrorCode.CUSTOMER_NOT_VERIFIED, refusal(() -> customers.registerIndividual(details, mismatch.id(),
                TestData.requestId("reg"))));
        VerificationView other = asUser.teller(() -> customers.verify("RESIDENT_ID", TestData.residentId(), "名字不符"));
        assertEquals(ErrorCode.CUSTOMER_NOT_VERIFIED, refusal(() -> customers.registerIndividual(details, other.id(),
                TestData.requestId("reg"))), "a check of another number does not count");
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM customer WHERE id_number = ?", residentId));

        String unknown = residentId.substring(0, 14) + "999";
        assertEquals("NOT_FOUND", asUser.teller(() -> customers.verify("RESIDENT_ID", withCheckDigit(unknown), "某人"))
                .result());

        VerificationView match = asUser.teller(() -> customers.verify("RESIDENT_ID", residentId, "钱多多"));
        assertEquals("MATCH", match.result());
        IndividualDetails wrongBirth = new IndividualDetails("钱多多", residentId, LocalDate.of(1900, 1, 1), null,
                "13800138000", "地址", null);
        assertEquals(ErrorCode.IDENTITY_DETAILS_MISMATCH, refusal(() -> customers.registerIndividual(wrongBirth, match.id(),
                TestData.requestId("reg"))));
        String key = TestData.requestId("reg");
        IndividualDetails good = new IndividualDetails("钱多多", residentId, null, null, "13912345678", "上海市", "会计");
        CustomerView customer = asUser.teller(() -> customers.registerIndividual(good, match.id(), key));
        assertTrue(customer.verified());
        assertEquals(customer, asUser.teller(() -> customers.registerIndividual(good, match.id(), key)), "a replay");
        assertEquals(ErrorCode.CUSTOMER_ALREADY_EXISTS, refusal(() -> customers.registerIndividual(good, match.id(),
                TestData.requestId("reg"))));
        // the answer rebuilds nothing: one digit each end of the ID, no birth date, the phone's middle hidden
        assertEquals(residentId.charAt(0) + "*".repeat(16) + residentId.charAt(17), customer.idNumberMasked());
        assertEquals("139****5678", customer.phone());
        assertFalse(customer.toString().contains(residentId.substring(6, 14)), customer.toString());
        // 核对证件: in full for the teller checking the document, and the trail says who saw it
        PersonalData full = asUser.teller(() -> customers.reveal(customer.id()));
        assertEquals(residentId, full.idNumber());
        assertEquals(residentId.substring(6, 14), full.birthDate().toString().replace("-", ""));
        assertEquals("13912345678", full.phone());
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = 'PERSONAL_DATA_REVEALED' "
                + "AND actor = ? AND subject = ?", AsUser.TELLER, "customer:" + customer.id()));

        String account = Counter.open(asUser, customer, "INDIVIDUAL_I", null);
        assertEquals(List.of(customer.id()), ids(asUser.teller(() -> customers.search(residentId))));
        assertEquals(List.of(customer.id()), ids(asUser.teller(() -> customers.search(account))));
        assertTrue(ids(asUser.teller(() -> customers.search("13912345678"))).contains(customer.id()));
        assertTrue(ids(asUser.teller(() -> customers.search("钱多"))).contains(customer.id()));
        assertTrue(asUser.teller(() -> customers.search("%")).stream().noneMatch(c -> c.name().startsWith("钱")),
                "a wildcard is a character, not a pattern");
        assertEquals(ErrorCode.SEARCH_QUERY_INVALID, refusal(() -> customers.search(" ")));
    }

    @Test
    void aPersonHasOneClassOneAccountAndClassTwoIsBoundToIt() throws Exception {
        CustomerView person = Counter.individual(asUser, "孙小美");
        String classOne = Counter.open(asUser, person, "INDIVIDUAL_I", null);
        assertEquals(ErrorCode.ACCOUNT_TYPE_ONE_PER_CUSTOMER, assertThrows(TellerException.class,
                () -> Counter.open(asUser, person, "INDIVIDUAL_I", null)).code());
        assertEquals(ErrorCode.ACCOUNT_TYPE_NOT_ALLOWED, assertThrows(TellerException.class,
                () -> Counter.open(asUser, person, "CORPORATE_BASIC", null)).code());
        String classTwo = Counter.open(asUser, person, "INDIVIDUAL_II", null);
        AccountView view = asUser.teller(() -> queries.account(classTwo));
        assertEquals("INDIVIDUAL_II", view.accountType());
        assertEquals(classOne, view.boundAccount());
        assertEquals(2, asUser.teller(() -> queries.accountsOf(person.id())).size());
    }

    @Test
    void aClassTwoAccountTakesAtMostTenThousandADayInCashAndFromUnboundAccounts() throws Exception {
        CustomerView person = Counter.individual(asUser, "阿土伯");
        String classOne = Counter.open(asUser, person, "INDIVIDUAL_I", null);
        String classTwo = Counter.open(asUser, person, "INDIVIDUAL_II", null);
        String stranger = Counter.classOneAccount(asUser, "陌生人");
        asUser.supervisor(() -> deposits.deposit(classOne, "50000.00", "CNY", TestData.requestId("dep")));
        asUser.supervisor(() -> deposits.deposit(stranger, "50000.00", "CNY", TestData.requestId("dep")));

        asUser.teller(() -> deposits.deposit(classTwo, "6000.00", "CNY", TestData.requestId("dep")));
        asUser.teller(() -> transfers.transfer(stranger, classTwo, "4000.00", "CNY", TestData.requestId("tr")));
        TellerException refused = assertThrows(TellerException.class, () -> asUser.teller(
                () -> deposits.deposit(classTwo, "0.01", "CNY", TestData.requestId("dep"))));
        assertEquals(ErrorCode.CLASS_II_DAILY_LIMIT, refused.code());
        assertEquals("10000.00", refused.args().get(2), "used today");
        assertEquals(ErrorCode.CLASS_II_DAILY_LIMIT, refusal(() -> transfers.transfer(stranger, classTwo, "0.01", "CNY",
                TestData.requestId("tr"))));
        assertEquals("10000.00", asUser.teller(() -> queries.account(classTwo)).balance(), "the refusals changed nothing");

        asUser.teller(() -> transfers.transfer(classOne, classTwo, "20000.00", "CNY", TestData.requestId("bound")));
        assertEquals("30000.00", asUser.teller(() -> queries.account(classTwo)).balance(),
                "the bound class-I account is not limited");
        asUser.teller(() -> withdrawals.withdraw(classTwo, "10000.00", "CNY", TestData.requestId("wd")));
        assertEquals(ErrorCode.CLASS_II_DAILY_LIMIT, refusal(() -> withdrawals.withdraw(classTwo, "0.01", "CNY",
                TestData.requestId("wd"))));
        asUser.teller(() -> transfers.transfer(classTwo, classOne, "20000.00", "CNY", TestData.requestId("back")));
        assertEquals("0.00", asUser.teller(() -> queries.account(classTwo)).balance());
    }

    @Test
    void aClassThreeAccountHoldsAtMostTwoThousand() throws Exception {
        CustomerView person = Counter.individual(asUser, "糖糖");
        String classThree = Counter.open(asUser, person, "INDIVIDUAL_III", null);
        asUser.teller(() -> deposits.deposit(classThree, "2000.00", "CNY", TestData.requestId("dep")));
        assertEquals(ErrorCode.CLASS_III_BALANCE_CAP, refusal(() -> deposits.deposit(classThree, "0.01", "CNY",
                TestData.requestId("dep"))));
        assertEquals("2000.00", asUser.teller(() -> queries.account(classThree)).balance());
    }

    @Test
    void aCompanyHasOneBasicAccountAndOnlyItPaysCashWithAFee() throws Exception {
        CustomerView company = Counter.company(asUser, "测试贸易有限公司");
        String basic = Counter.open(asUser, company, "CORPORATE_BASIC", null);
        assertEquals(ErrorCode.ACCOUNT_TYPE_ONE_PER_CUSTOMER, assertThrows(TellerException.class,
                () -> Counter.open(asUser, company, "CORPORATE_BASIC", null)).code());
        assertEquals(ErrorCode.ACCOUNT_TYPE_NOT_ALLOWED, assertThrows(TellerException.class,
                () -> Counter.open(asUser, company, "INDIVIDUAL_I", null)).code());
        String general = Counter.open(asUser, company, "CORPORATE_GENERAL", null);
        asUser.teller(() -> deposits.deposit(general, "3000.00", "CNY", TestData.requestId("dep")));
        assertEquals(ErrorCode.CASH_NOT_ALLOWED, refusal(() -> withdrawals.withdraw(general, "100.00", "CNY",
                TestData.requestId("wd"))));
        assertEquals("3000.00", asUser.teller(() -> queries.account(general)).balance());

        asUser.supervisor(() -> deposits.deposit(basic, "100000.00", "CNY", TestData.requestId("dep")));
        FeeQuote quote = asUser.teller(() -> queries.feeQuote(basic, "CASH_WITHDRAWAL", "30000.00"));
        assertEquals("15.00", quote.fee(), "0.05% of 30,000.00");
        Receipt receipt = asUser.teller(() -> withdrawals.withdraw(basic, "30000.00", "CNY", TestData.requestId("wd")));
        assertEquals("15.00", receipt.fee());
        assertEquals("69985.00", receipt.balanceAfter());
        assertEquals(new BigDecimal("15.00"), Sql.scalar("SELECT amount FROM journal_line WHERE entry_id = ? "
                + "AND gl_code = '6021' AND side = 'CREDIT'", receipt.entryId()));
        assertEquals(ErrorCode.INSUFFICIENT_FUNDS, refusal(() -> withdrawals.withdraw(basic, "69985.00", "CNY",
                TestData.requestId("wd"))), "the fee must be covered too");
    }

    @Test
    void aCorporateTransferPaysTheTieredFeeAndAnIndividualOneNone() throws Exception {
        CustomerView company = Counter.company(asUser, "测试科技有限公司");
        String basic = Counter.open(asUser, company, "CORPORATE_BASIC", null);
        String person = Counter.classOneAccount(asUser, "收款人");
        asUser.supervisor(() -> deposits.deposit(basic, "200000.00", "CNY", TestData.requestId("dep")));
        assertEquals("10.00", asUser.teller(() -> queries.feeQuote(basic, "TRANSFER", "50000.00")).fee());
        Receipt receipt = asUser.teller(() -> transfers.transfer(basic, person, "50000.00", "CNY", TestData.requestId("tr")));
        assertEquals("10.00", receipt.fee());
        assertEquals("149990.00", receipt.balanceAfter());
        assertEquals("50000.00", asUser.teller(() -> queries.account(person)).balance());
        Receipt back = asUser.teller(() -> transfers.transfer(person, basic, "100.00", "CNY", TestData.requestId("tr")));
        assertEquals("0.00", back.fee());
        assertNull(asUser.teller(() -> queries.feeQuote(person, "TRANSFER", "100.00")).ruleId());
        assertEquals(ErrorCode.VALIDATION_FAILED, refusal(() -> queries.feeQuote(person, "LOAN", "1.00")));
    }

    @Test
    void aTemporaryAccountNeedsAnExpiryWithinTwoYears() throws Exception {
        CustomerView company = Counter.company(asUser, "临时项目部");
        assertEquals(ErrorCode.ACCOUNT_EXPIRY_INVALID, assertThrows(TellerException.class,
                () -> Counter.open(asUser, company, "CORPORATE_TEMPORARY", null)).code());
        LocalDate today = Sql.businessDate();
        assertEquals(ErrorCode.ACCOUNT_EXPIRY_INVALID, assertThrows(TellerException.class,
                () -> Counter.open(asUser, company, "CORPORATE_TEMPORARY", today.plusYears(2).plusDays(1))).code());
        String temporary = Counter.open(asUser, company, "CORPORATE_TEMPORARY", today.plusYears(1));
        assertEquals(today.plusYears(1), asUser.teller(() -> queries.account(temporary)).expiresOn());
        assertFalse(asUser.teller(() -> queries.accountsOf(company.id())).isEmpty());
    }

    private static List<Long> ids(List<CustomerView> customers) {
        return customers.stream().map(CustomerView::id).toList();
    }

    /** Replaces the check character of a 17-digit body. */
    private static String withCheckDigit(String body17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body17.charAt(i) - '0') * weights[i];
        }
        return body17 + "10X98765432".charAt(sum % 11);
    }
}
