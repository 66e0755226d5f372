package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.AccountOpening;
import bank.teller.account.application.AccountQueries;
import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.Receipt;
import bank.teller.account.application.Transfers;
import bank.teller.account.application.Vouchers;
import bank.teller.customer.application.CustomerView;
import bank.teller.customer.application.Customers;
import bank.teller.customer.application.IndividualDetails;
import bank.teller.ledger.application.LedgerCheck;
import bank.teller.ledger.application.TrialBalance;
import bank.teller.payment.application.Wires;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import bank.teller.till.application.Tills;
import bank.teller.training.Training;
import bank.teller.training.TrainingStock;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Training (培训, issue 19): a training branch's trainee works with the real rules, but its customers and
 * accounts are training's only (the same person may be a bank customer too, apart), no posting mixes
 * training's accounts with the bank's, nothing of it is sent to the core system, counted for the
 * dashboards or in the bank's trial balance; its vouchers say TRAINING; its trainer resets it (not while
 * a till is open, not a supervisor of the bank's branches), leaving the bank's records untouched.
 */
@ExtendWith(ArquillianExtension.class)
class TrainingIT {

    private static final String TRAINING_BRANCH = "9900";

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("training-it", TrainingIT.class, Https.class, Tokens.class);
    }

    @Inject
    AsUser asUser;

    private Customers customers;
    private AccountOpening opening;
    private AccountQueries queries;
    private Tills tills;
    private CashDeposits deposits;
    private Transfers transfers;
    private Vouchers vouchers;
    private Wires wires;
    private TrialBalance trialBalance;
    private Training training;

    @BeforeEach
    void lookUp() throws Exception {
        customers = Lookup.ejb("teller-ejb", Customers.class);
        opening = Lookup.ejb("teller-ejb", AccountOpening.class);
        queries = Lookup.ejb("teller-ejb", AccountQueries.class);
        tills = Lookup.ejb("teller-ejb", Tills.class);
        deposits = Lookup.ejb("teller-ejb", CashDeposits.class);
        transfers = Lookup.ejb("teller-ejb", Transfers.class);
        vouchers = Lookup.ejb("teller-ejb", Vouchers.class);
        wires = Lookup.ejb("teller-ejb", Wires.class);
        trialBalance = Lookup.ejb("teller-ejb", TrialBalance.class);
        training = Lookup.ejb("teller-ejb", Training.class);
    }

    private <T> T as(String user, AsUser.Work<T> work) throws Exception {
        return asUser.as(user, TestUsers.PASSWORD, work);
    }

    /** The refusal of {@code work} done by a user of the training branch. */
    private ErrorCode refusal(String user, AsUser.Work<?> work) throws Exception {
        return refusal(user, TestUsers.PASSWORD, work);
    }

    private ErrorCode refusal(String user, String password, AsUser.Work<?> work) throws Exception {
        try {
            asUser.as(user, password, work);
        } catch (TellerException e) {
            return e.code();
        }
        throw new AssertionError("not refused");
    }

    /** The refusal of {@code work} done by the bank's teller at branch 0001. */
    private ErrorCode tellerRefusal(AsUser.Work<?> work) throws Exception {
        return refusal(AsUser.TELLER, AsUser.TELLER_PASSWORD, work);
    }

    private CustomerView register(String user, String residentId) throws Exception {
        AsUser.Work<CustomerView> work = () -> customers.registerIndividual(new IndividualDetails("培训客户", residentId,
                        null, null, "13800138000", "北京市西城区金融大街1号", null),
                customers.verify("RESIDENT_ID", residentId, "培训客户").id(), TestData.requestId("register"));
        return user == null ? asUser.teller(work) : as(user, work);
    }

    @Test
    void aTraineesBusinessStaysOutOfTheBanksBooksAndItsTrainerResetsIt() throws Exception {
        String trainee = TestUsers.createIn(TRAINING_BRANCH, "TELLER");
        String trainer = TestUsers.createIn(TRAINING_BRANCH, "SUPERVISOR");

        // the same person registered at the bank and in training: two customers, each seen only on its side
        String residentId = TestData.residentId();
        CustomerView real = register(null, residentId);
        CustomerView practice = register(trainee, residentId);
        assertNotEquals(real.id(), practice.id());
        assertEquals(practice.id(), as(trainee, () -> customers.search(residentId)).get(0).id());
        assertEquals(1, as(trainee, () -> customers.search(residentId)).size());
        assertEquals(real.id(), asUser.teller(() -> customers.search(residentId)).get(0).id());
        assertEquals(1, asUser.teller(() -> customers.search(residentId)).size());
        assertEquals(ErrorCode.CUSTOMER_NOT_FOUND, refusal(trainee, () -> customers.customer(real.id())));
        assertEquals(ErrorCode.CUSTOMER_NOT_FOUND, tellerRefusal(() -> customers.customer(practice.id())));
        assertEquals(ErrorCode.CUSTOMER_NOT_FOUND, refusal(trainee, () -> opening.open(real.id(), "INDIVIDUAL_I", null,
                TestData.requestId("open"))), "no training account for the bank's customer");

        String practiceAccount = as(trainee, () -> opening.open(practice.id(), "INDIVIDUAL_I", null,
                TestData.requestId("open"))).accountNumber();
        assertTrue(practiceAccount.startsWith(TRAINING_BRANCH), practiceAccount);
        String realAccount = Counter.open(asUser, real, "INDIVIDUAL_I", null);
        assertEquals(ErrorCode.ACCOUNT_NOT_FOUND, refusal(trainee, () -> queries.account(realAccount)));
        assertEquals(ErrorCode.ACCOUNT_NOT_FOUND, tellerRefusal(() -> queries.account(practiceAccount)));

        // the real rules: a till, a deposit with its voucher; never mixed with the bank's accounts
        as(trainee, () -> tills.open(TestData.requestId("open")));
        Receipt deposit = as(trainee, () -> deposits.deposit(practiceAccount, "500.00", "CNY", TestData.requestId("dep")));
        assertEquals(new BigDecimal("500.00"), new BigDecimal(as(trainee, () -> queries.account(practiceAccount)).balance()));
        assertEquals(ErrorCode.TRAINING_SEPARATE, refusal(trainee, () -> transfers.transfer(practiceAccount, realAccount,
                "10.00", "CNY", TestData.requestId("xfer"))));
        assertEquals(ErrorCode.TRAINING_SEPARATE, tellerRefusal(() -> deposits.deposit(practiceAccount, "10.00", "CNY",
                TestData.requestId("dep"))), "the bank's teller cannot pay into a training account");
        assertEquals(ErrorCode.TRAINING_UNAVAILABLE, refusal(trainee, () -> wires.quote(new Wires.Request(practiceAccount,
                "王五", "6222020200001234", "102100099996", "10.00", "货款", false))), "clearing is outside the bank");
        assertEquals(new BigDecimal("500.00"), new BigDecimal(as(trainee, () -> queries.account(practiceAccount)).balance()));

        // the voucher as printed says TRAINING (its rendering: VoucherPdfTest)
        assertTrue(as(trainee, () -> vouchers.voucher(deposit.voucherNo())).training());

        // nothing of it reached the core outbox, the dashboards' deltas and summaries, or the bank's trial balance
        String ofTraining = " WHERE branch_code = '" + TRAINING_BRANCH + "'";
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM core_outbox o JOIN journal_entry e ON e.id = o.entry_id"
                + ofTraining.replace("branch_code", "e.branch_code")));
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM activity_delta" + ofTraining)
                + Sql.count("SELECT COUNT(*) FROM activity_hour" + ofTraining));
        LedgerCheck books = asUser.supervisor(() -> trialBalance.check());
        BigDecimal banks = Sql.scalar("SELECT COALESCE(SUM(l.amount), 0) FROM journal_line l JOIN journal_entry e "
                + "ON e.id = l.entry_id WHERE l.side = 'DEBIT' AND e.branch_code <> '" + TRAINING_BRANCH + "'");
        assertEquals(banks, new BigDecimal(books.totalDebit()), "the bank's books without training's");
        assertTrue(books.findings().isEmpty(), books.findings().toString());

        // the reset: the trainer's alone, once every till is closed
        assertEquals(ErrorCode.TRAINING_BRANCH_ONLY, refusal(AsUser.SUPERVISOR, AsUser.SUPERVISOR_PASSWORD,
                () -> training.reset(TestData.requestId("reset"))), "a supervisor of the bank's branch");
        assertEquals(ErrorCode.TRAINING_TILLS_OPEN, refusal(trainer, () -> training.reset(TestData.requestId("reset"))));
        assertEquals("CLOSED", as(trainee, () -> tills.count(Map.of("100", 5), TestData.requestId("count"))).status());
        long resets = Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = ?", Training.RESET);
        String request = TestData.requestId("reset");
        Training.TrainingView after = as(trainer, () -> training.reset(request));
        assertEquals(0, after.accounts());
        assertEquals(0, after.customers());
        assertEquals(1, after.entries(), "the vault's new stock");
        assertEquals(TrainingStock.VAULT_CASH.toPlainString(), after.vaultCash());
        assertTrue(after.openTills().isEmpty());
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM customer WHERE id = ?", practice.id()));
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM voucher WHERE voucher_no = ?", deposit.voucherNo()));
        assertEquals(TrainingStock.CERTIFICATES, Sql.count("SELECT COUNT(*) FROM blank_voucher WHERE branch_code = ? "
                + "AND status = 'IN_VAULT'", TRAINING_BRANCH));
        assertEquals(real.id(), asUser.teller(() -> customers.customer(real.id())).id(), "the bank's customer stays");
        assertEquals(realAccount, asUser.teller(() -> queries.account(realAccount)).accountNumber());
        // the same request again answers without removing anything again
        assertEquals(after.entries(), as(trainer, () -> training.reset(request)).entries());
        assertEquals(resets + 1, Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = ?", Training.RESET));
        assertTrue(asUser.supervisor(() -> trialBalance.check()).findings().isEmpty());
    }
}
