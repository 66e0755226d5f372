package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.domain.AccountNumber;
import bank.teller.account.domain.AccountType;
import bank.teller.account.domain.CardNumber;
import bank.teller.batch.MigrationJobs;
import bank.teller.migration.MigrationFile;
import bank.teller.migration.MigrationView;
import bank.teller.migration.Migrations;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Migration from the old system (业务迁移, issue 18): a branch's files with rows Teller's rules refuse
 * (check digits, a second class I account, a customer rejected before, a card on a company account, a
 * deposit below the minimum), each rejected with its reason; opening balances booked against the
 * migration account and not sent to the core; the control totals refuse the sign-off until they equal
 * the old system's; the batch discarded and the branch migrated again from scratch, signed off by
 * another supervisor; and an import stopped halfway and restarted imports each row once.
 */
@ExtendWith(ArquillianExtension.class)
class MigrationIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("migration-it", MigrationIT.class, Https.class, Tokens.class);
    }

    @Inject
    AsUser asUser;

    private Migrations migrations;
    private MigrationJobs jobs;

    @BeforeEach
    void lookUpServices() {
        migrations = Lookup.ejb("teller-ejb", Migrations.class);
        jobs = Lookup.ejb("teller-batch", MigrationJobs.class);
    }

    @Test
    void aBranchIsMigratedProvedByItsControlTotalsDiscardedMigratedAgainAndSignedOff() throws Exception {
        String branch = TestUsers.branch();
        LocalDate today = Sql.businessDate();
        String person = TestData.residentId();
        String company = TestData.creditCode();
        String classOne = number(branch, AccountType.INDIVIDUAL_I, 1);
        String classTwo = number(branch, AccountType.INDIVIDUAL_II, 2);
        String corporate = number(branch, AccountType.CORPORATE_BASIC, 3);
        String deposit = number(branch, AccountType.INDIVIDUAL_TIME, 4);
        String card = CardNumber.random("62284800", 19, ThreadLocalRandom.current()).value();
        String wrongDigit = classOne.substring(0, 15) + (char) ('0' + (classOne.charAt(15) - '0' + 1) % 10);
        String customers = "legacy_id,type,name,id_number,phone,address,occupation,legal_representative,contact_name,contact_phone\n"
                + "C1,INDIVIDUAL,迁移甲," + person + ",13800000001,北京市西城区一号,教师,,,\n"          // 2
                + "C2,CORPORATE,迁移公司," + company + ",,北京市东城区二号,,法人乙,联系人丙,13800000002\n" // 3
                + "C3,INDIVIDUAL,迁移丁," + TestData.residentIdWithWrongCheckDigit() + ",13800000003,地址,,,,\n" // 4
                + "C1,INDIVIDUAL,迁移甲," + person + ",13800000001,北京市西城区一号,,,,\n";           // 5 twice
        String accounts = "account_number,legacy_customer_id,type,balance,opened_on,expires_on,restriction,"
                + "restriction_amount,restriction_reference,restriction_reason\n"
                + classOne + ",C1,INDIVIDUAL_I,1000.00,2015-03-02,,HOLD,100.00,,原系统止付\n"              // 2
                + classTwo + ",C1,INDIVIDUAL_II,50.00,2020-01-06,,,,,\n"                                 // 3
                + number(branch, AccountType.INDIVIDUAL_I, 5) + ",C1,INDIVIDUAL_I,1.00,2021-01-04,,,,,\n" // 4 a second class I
                + corporate + ",C2,CORPORATE_BASIC,250000.00,2018-07-02,,FREEZE_ALL,,(2025)京0102执9号,司法冻结\n" // 5
                + wrongDigit + ",C1,INDIVIDUAL_III,5.00,2022-01-04,,,,,\n" // 6
                + number(branch, AccountType.INDIVIDUAL_I, 6) + ",C3,INDIVIDUAL_I,7.00,2022-01-04,,,,,\n" // 7 customer rejected
                + number("0001", AccountType.INDIVIDUAL_III, 7) + ",C1,INDIVIDUAL_III,1.00,2022-01-04,,,,,\n"; // 8 another branch
        String cards = "card_number,account_number\n"
                + card + "," + classOne + "\n"                                                        // 2
                + card.substring(0, 18) + (char) ('0' + (card.charAt(18) - '0' + 1) % 10) + "," + classTwo + "\n" // 3
                + CardNumber.random("62284800", 19, ThreadLocalRandom.current()).value() + "," + corporate + "\n"; // 4
        String deposits = "account_number,legacy_customer_id,product,principal,rate_percent,term_start,renewal,"
                + "settlement_account,certificate_no\n"
                + deposit + ",C1,TIME_1Y,20000.00,1.75," + today.minusDays(100) + ",PRINCIPAL," + classOne + ",M0000001\n" // 2
                + number(branch, AccountType.INDIVIDUAL_TIME, 8) + ",C1,TIME_1Y,10.00,1.75," + today.minusDays(10)
                + ",NONE,,M0000002\n";                                                                   // 3 below minimum
        String vouchers = "kind,first_serial,last_serial\nCERTIFICATE,00000001,00000050\nPAPER,00000001,00000002\n";
        String oldSystem = "branch_code,product,count,total\n"
                + branch + ",CUSTOMER_INDIVIDUAL,2,0\n" + branch + ",CUSTOMER_CORPORATE,1,0\n"
                + branch + ",INDIVIDUAL_I,3,1008.00\n" + branch + ",INDIVIDUAL_II,1,50.00\n"
                + branch + ",INDIVIDUAL_III,1,5.00\n" + branch + ",CORPORATE_BASIC,1,250000.00\n"
                + branch + ",CARD,3,0\n" + branch + ",TIME_1Y,2,20010.00\n" + branch + ",CERTIFICATE,50,0\n";

        MigrationView first = importAll(load(branch, customers, accounts, cards, deposits, vouchers, oldSystem));
        assertEquals(List.of(
                        "CUSTOMERS 4 RESIDENT_ID_INVALID", "CUSTOMERS 5 MIGRATION_ROW_DUPLICATE",
                        "ACCOUNTS 4 ACCOUNT_TYPE_ONE_PER_CUSTOMER", "ACCOUNTS 6 ACCOUNT_NUMBER_INVALID",
                        "ACCOUNTS 7 MIGRATION_CUSTOMER_UNKNOWN", "ACCOUNTS 8 MIGRATION_ACCOUNT_NOT_OF_BRANCH",
                        "CARDS 3 CARD_NUMBER_INVALID", "CARDS 4 CARD_NOT_ALLOWED",
                        "TIME_DEPOSITS 3 DEPOSIT_BELOW_MINIMUM", "VOUCHER_STOCK 3 VALIDATION_FAILED"),
                asUser.supervisor(() -> migrations.rejects(first.id())).stream()
                        .map(r -> r.file() + " " + r.line() + " " + r.code()).toList());
        assertEquals(new BigDecimal("1000.00"), balance(classOne));
        assertEquals(new BigDecimal("250000.00"), balance(corporate));
        assertEquals(new BigDecimal("20000.00"), balance(deposit));
        assertEquals(classOne, Sql.string("SELECT bound_account FROM account WHERE account_number = ?", classTwo),
                "class II bound to the customer's class I, as at the counter");
        assertEquals(LocalDate.of(2015, 3, 2), Sql.date("SELECT opened_on FROM account WHERE account_number = ?", classOne));
        long entry = Sql.count("SELECT entry_id FROM journal_line WHERE account_number = ?", classOne);
        assertEquals(List.of("DEBIT 1999 1000.00", "CREDIT 2011 1000.00"), Sql.journalLines(entry));
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM core_outbox o JOIN journal_entry e ON e.id = o.entry_id "
                + "WHERE e.entry_type = 'MIGRATION_OPENING'"), "the core has the old system's balances already");
        assertEquals(List.of("HOLD"), Sql.strings("SELECT kind FROM account_restriction WHERE account_number = ?", classOne));
        assertEquals(new BigDecimal("100.00"), Sql.scalar("SELECT amount FROM account_restriction WHERE account_number = ?",
                classOne));
        assertEquals(List.of("FREEZE_ALL"), Sql.strings("SELECT kind FROM account_restriction WHERE account_number = ?",
                corporate));
        assertEquals("ISSUED", Sql.string("SELECT status FROM card WHERE pan = ?", card), "the customer sets a PIN");
        assertEquals(new BigDecimal("0.017500"), Sql.scalar("SELECT annual_rate FROM term_deposit WHERE account_number = ?",
                deposit));
        assertEquals(50, Sql.count("SELECT COUNT(*) FROM blank_voucher WHERE branch_code = ? AND status = 'IN_VAULT'",
                branch));

        assertFalse(first.balanced());
        assertEquals(List.of("CARD 1/3", "CUSTOMER_INDIVIDUAL 1/2", "INDIVIDUAL_I 1/3", "INDIVIDUAL_III 0/1", "TIME_1Y 1/2"),
                first.controls().stream().filter(c -> !c.matches())
                        .map(c -> c.product() + " " + c.migratedCount() + "/" + c.expectedCount()).toList());
        String other = TestUsers.create("SUPERVISOR");
        assertEquals(ErrorCode.MIGRATION_CONTROLS_DIFFER, assertThrows(TellerException.class,
                () -> asUser.as(other, TestUsers.PASSWORD, () -> migrations.signOff(first.id()))).code());
        assertEquals(ErrorCode.MIGRATION_BRANCH_BUSY, assertThrows(TellerException.class,
                () -> load(branch, customers, accounts, cards, deposits, vouchers, oldSystem)).code());

        // the old system's data mended, the branch migrated again from scratch: the same numbers again
        assertEquals("DISCARDED", asUser.supervisor(() -> migrations.discard(first.id())).status());
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM account WHERE branch_code = ?", branch));
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM customer WHERE id_number IN (?, ?)", person, company));
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM blank_voucher WHERE branch_code = ?", branch));
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM journal_entry WHERE branch_code = ?", branch));
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = 'MIGRATION_DISCARDED' AND subject = ?",
                "migration:" + first.id()));

        String mendedCustomers = customers.lines().filter(l -> !l.startsWith("C3,")).limit(3)
                .collect(Collectors.joining("\n", "", "\n"));
        String mendedAccounts = String.join("\n", accounts.lines().toList().subList(0, 3)) + "\n"
                + accounts.lines().toList().get(4) + "\n";
        String mendedCards = String.join("\n", cards.lines().toList().subList(0, 2)) + "\n";
        String mendedDeposits = String.join("\n", deposits.lines().toList().subList(0, 2)) + "\n";
        String mendedTotals = "branch_code,product,count,total\n"
                + branch + ",CUSTOMER_INDIVIDUAL,1,0\n" + branch + ",CUSTOMER_CORPORATE,1,0\n"
                + branch + ",INDIVIDUAL_I,1,1000.00\n" + branch + ",INDIVIDUAL_II,1,50.00\n"
                + branch + ",CORPORATE_BASIC,1,250000.00\n" + branch + ",CARD,1,0\n"
                + branch + ",TIME_1Y,1,20000.00\n" + branch + ",CERTIFICATE,50,0.00\n";
        MigrationView second = importAll(load(branch, mendedCustomers, mendedAccounts, mendedCards, mendedDeposits,
                "kind,first_serial,last_serial\nCERTIFICATE,00000001,00000050\n", mendedTotals));
        assertTrue(second.balanced(), second.toString());
        assertEquals(ErrorCode.MIGRATION_SIGN_OFF_BY_LOADER, assertThrows(TellerException.class,
                () -> asUser.supervisor(() -> migrations.signOff(second.id()))).code());
        MigrationView signed = asUser.as(other, TestUsers.PASSWORD, () -> migrations.signOff(second.id()));
        assertEquals("SIGNED_OFF", signed.status());
        assertEquals(other, signed.closedBy());
        assertEquals(ErrorCode.MIGRATION_STATE, assertThrows(TellerException.class,
                () -> asUser.supervisor(() -> migrations.discard(second.id()))).code());
        assertEquals(new BigDecimal("271050.00"), Sql.scalar("SELECT SUM(amount) FROM journal_line l JOIN journal_entry e "
                + "ON e.id = l.entry_id WHERE e.branch_code = ? AND l.gl_code = '1999' AND l.side = 'DEBIT'", branch),
                "the migration account holds the branch's opening balances");
    }

    @Test
    void aFileThatCannotBeReadIsRefusedWholeAndNothingImportsWithoutTheOldSystemsTotals() throws Exception {
        String branch = TestUsers.branch();
        long id = asUser.supervisor(() -> migrations.open(branch)).id();
        TellerException header = assertThrows(TellerException.class, () -> asUser.supervisor(
                () -> migrations.stage(id, MigrationFile.CUSTOMERS, "id;name\n1;x\n")));
        assertEquals(ErrorCode.MIGRATION_FILE_INVALID, header.code());
        assertEquals("customers", header.args().get(0));
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM migration_row WHERE batch_id = ?", id));
        assertEquals(ErrorCode.MIGRATION_CONTROLS_INVALID, assertThrows(TellerException.class, () -> asUser.supervisor(
                () -> migrations.stageControls(id, "branch_code,product,count,total\n0001,CARD,1,0\n"))).code(),
                "another branch's totals");
        assertEquals(ErrorCode.MIGRATION_CONTROLS_INVALID, assertThrows(TellerException.class, () -> asUser.supervisor(
                () -> jobs.process(id))).code(), "no import before the old system's totals are in");
        assertEquals(ErrorCode.BRANCH_NOT_FOUND, assertThrows(TellerException.class, () -> asUser.supervisor(
                () -> migrations.open("7ZZZ"))).code());
        assertEquals("DISCARDED", asUser.supervisor(() -> migrations.discard(id)).status());
    }

    @Test
    void anImportStoppedHalfwayIsRestartedAndImportsEachRowOnce() throws Exception {
        String branch = TestUsers.branch();
        int rows = 400;
        StringBuilder customers = new StringBuilder(
                "legacy_id,type,name,id_number,phone,address,occupation,legal_representative,contact_name,contact_phone\n");
        StringBuilder accounts = new StringBuilder("account_number,legacy_customer_id,type,balance,opened_on,expires_on,"
                + "restriction,restriction_amount,restriction_reference,restriction_reason\n");
        IntStream.range(0, rows).forEach(i -> {
            // IDs of their own (the branch's code in the birth date): no other test's customer has them
            String id = TestData.residentId("310115", LocalDate.of(1960, 1, 1).plusDays(Long.parseLong(branch)), i);
            customers.append("P").append(i).append(",INDIVIDUAL,客户").append(i).append(',').append(id)
                    .append(",13900000000,上海市,,,,\n");
            accounts.append(number(branch, AccountType.INDIVIDUAL_I, 100 + i)).append(",P").append(i)
                    .append(",INDIVIDUAL_I,").append(i + 1).append(".25,2019-05-06,,,,,\n");
        });
        BigDecimal total = BigDecimal.valueOf((long) rows * (rows + 1) / 2).add(new BigDecimal("0.25").multiply(
                BigDecimal.valueOf(rows)));
        String totals = "branch_code,product,count,total\n" + branch + ",CUSTOMER_INDIVIDUAL," + rows + ",0\n"
                + branch + ",INDIVIDUAL_I," + rows + "," + total + "\n";
        MigrationView batch = load(branch, customers.toString(), accounts.toString(), null, null, null, totals);
        asUser.supervisor(() -> {
            jobs.stop(batch.id());
            return null;
        });
        Await.until(() -> !asUser.supervisor(() -> jobs.runStatus(batch.id())).matches("STARTING|STARTED|STOPPING"));
        long restarted = asUser.supervisor(() -> jobs.process(batch.id()));
        MigrationView done = importAll(batch);
        assertTrue(done.balanced(), done.toString());
        assertEquals(rows, Sql.count("SELECT COUNT(*) FROM account WHERE branch_code = ?", branch));
        assertEquals(rows, Sql.count("SELECT COUNT(*) FROM journal_entry WHERE branch_code = ? "
                + "AND entry_type = 'MIGRATION_OPENING'", branch), "one opening entry per account, the restart or not");
        assertEquals(total, Sql.scalar("SELECT SUM(balance) FROM account WHERE branch_code = ?", branch));
        assertTrue(restarted > 0);
    }

    /** A batch opened for the branch, its files staged (null: none of that kind), its import started. */
    private MigrationView load(String branch, String customers, String accounts, String cards, String deposits,
                               String vouchers, String totals) throws Exception {
        return asUser.supervisor(() -> {
            long id = migrations.open(branch).id();
            Map<MigrationFile, String> files = new EnumMap<>(MigrationFile.class);
            files.put(MigrationFile.CUSTOMERS, customers);
            files.put(MigrationFile.ACCOUNTS, accounts);
            files.put(MigrationFile.CARDS, cards);
            files.put(MigrationFile.TIME_DEPOSITS, deposits);
            files.put(MigrationFile.VOUCHER_STOCK, vouchers);
            for (Map.Entry<MigrationFile, String> file : files.entrySet()) {
                if (file.getValue() != null) {
                    migrations.stage(id, file.getKey(), file.getValue());
                }
            }
            migrations.stageControls(id, totals);
            jobs.process(id);
            return migrations.view(id);
        });
    }

    private MigrationView importAll(MigrationView batch) throws Exception {
        Await.until(() -> "IMPORTED".equals(asUser.supervisor(() -> migrations.view(batch.id())).status()));
        MigrationView view = asUser.supervisor(() -> migrations.view(batch.id()));
        assertEquals("IMPORTED", view.status(), view.toString());
        return view;
    }

    private static String number(String branch, AccountType type, long serial) {
        return AccountNumber.generate(branch, type.product(), 900_000_000L + serial).value();
    }

    private static BigDecimal balance(String account) throws Exception {
        return Sql.scalar("SELECT balance FROM account WHERE account_number = ?", account);
    }
}
