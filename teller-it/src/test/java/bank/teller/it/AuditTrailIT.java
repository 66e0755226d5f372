package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.AccountRestrictions;
import bank.teller.account.application.CardView;
import bank.teller.account.application.Cards;
import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.RestrictionView;
import bank.teller.audit.AuditChain;
import bank.teller.audit.AuditQueries.AuditView;
import bank.teller.audit.AuditQueries.Filter;
import bank.teller.audit.AuditQueries;
import bank.teller.audit.AuditSeals;
import bank.teller.audit.AuditTrail;
import bank.teller.audit.AuditVerifier.Finding;
import bank.teller.audit.AuditVerifier.Problem;
import bank.teller.audit.AuditVerifier;
import bank.teller.customer.application.CustomerView;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail as an attacker with database access would try it: the database refuses to change
 * or delete records; with its guard switched off, a modified, a deleted and an inserted record and
 * a rewritten (sealed) tail are each found by the verifier, at the right place.
 */
@ExtendWith(ArquillianExtension.class)
class AuditTrailIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("audit-it", AuditTrailIT.class);
    }

    @Inject
    AsUser asUser;

    private AuditTrail trail;
    private AuditVerifier verifier;
    private AuditQueries queries;
    private AuditSeals seals;

    @BeforeEach
    void services() {
        trail = Lookup.ejb("teller-ejb", AuditTrail.class);
        verifier = Lookup.ejb("teller-ejb", AuditVerifier.class);
        queries = Lookup.ejb("teller-ejb", AuditQueries.class);
        seals = Lookup.ejb("teller-ejb", AuditSeals.class);
    }

    @Test
    void aPostingIsRecordedWithWhoWhatAndResultAndAnAuditorFindsAndExportsIt() throws Exception {
        String account = Counter.open(asUser, Counter.individual(asUser, "审计客户"), "INDIVIDUAL_I", null);
        CashDeposits deposits = Lookup.ejb("teller-ejb", CashDeposits.class);
        asUser.teller(() -> deposits.deposit(account, "88.00", "CNY", TestData.requestId("audit")));

        String auditor = TestUsers.create("AUDITOR");
        List<AuditView> found = asUser.as(auditor, TestUsers.PASSWORD, () -> queries.search(
                new Filter(AsUser.TELLER, account, "CASH_DEPOSIT", null, null), 0, 10));
        assertEquals(1, found.size(), found.toString());
        AuditView record = found.get(0);
        assertEquals("SUCCESS", record.result());
        assertTrue(record.roles().contains("TELLER") && "0001".equals(record.branchCode()), record.toString());
        assertTrue(record.detail().contains("88.00"), record.detail());

        String csv = asUser.as(auditor, TestUsers.PASSWORD, () -> queries.exportCsv(
                new Filter(null, account, null, null, null)));
        assertTrue(csv.startsWith("\uFEFFid,occurred_at_utc,actor") && csv.contains("CASH_DEPOSIT"), csv);
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM audit_record WHERE actor = ? AND action = 'AUDIT_EXPORT'", auditor),
                "the export is itself recorded");
        assertThrows(EJBAccessException.class, () -> asUser.teller(() -> queries.search(
                new Filter(null, account, null, null, null), 0, 10)), "only auditors read the trail");
    }

    @Test
    void everyWriteAtTheCounterThatPostsNothingIsInTheTrailToo() throws Exception {
        long before = Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = 'IDENTITY_VERIFIED' AND actor = ?",
                AsUser.TELLER);
        CustomerView customer = Counter.individual(asUser, "审计开户");
        String account = Counter.open(asUser, customer, "INDIVIDUAL_I", null);
        asUser.teller(() -> Lookup.ejb("teller-ejb", CashDeposits.class)
                .deposit(account, "500.00", "CNY", TestData.requestId("audit")));
        AccountRestrictions restrictions = Lookup.ejb("teller-ejb", AccountRestrictions.class);
        RestrictionView hold = asUser.teller(() -> restrictions.placeHold(account, "100.00", "审计止付", null,
                TestData.requestId("audit")));
        asUser.teller(() -> restrictions.release(hold.id(), TestData.requestId("audit")));
        CardView card = asUser.teller(() -> Lookup.ejb("teller-ejb", Cards.class).issue(account, TestData.requestId("audit")));

        assertEquals(before + 1, Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = 'IDENTITY_VERIFIED' "
                + "AND actor = ?", AsUser.TELLER), "the identity check");
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = 'REGISTER_INDIVIDUAL' "
                + "AND subject = ?", "customer:" + customer.id()));
        for (String action : List.of("OPEN_DEMAND_ACCOUNT", "RESTRICTION_PLACED", "RESTRICTION_RELEASED", "CARD_ISSUE")) {
            assertEquals(1, Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = ? AND subject = ? AND actor = ?",
                    action, account, AsUser.TELLER), action);
        }
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM audit_record WHERE detail LIKE ?", "%" + card.pan() + "%"),
                "the card's number is in the trail masked only");
    }

    @Test
    void theChainerLinksEveryRecordOfAnActorInOrderBehindThePostingsWithinSeconds() throws Exception {
        String user = chainOf(3);
        awaitLinked(user);
        assertEquals(List.of("1", "2", "3"), Sql.strings("SELECT CAST(chain_seq AS VARCHAR(20)) FROM audit_record "
                + "WHERE chain = ? ORDER BY id", user), "numbered in the order they were written");
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM audit_record a JOIN audit_record b ON b.chain = a.chain "
                + "AND b.chain_seq = a.chain_seq + 1 WHERE a.chain = ? AND b.prev_hash <> a.hash", user), "each links to the one before");
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditRecords() throws Exception {
        String user = chainOf(2);
        awaitLinked(user);
        assertThrows(SQLException.class, () -> Sql.update("UPDATE audit_record SET chain_seq = chain_seq + 100 "
                + "WHERE actor = ? AND chain_seq IS NOT NULL", user), "a link, once set, stays");
        assertThrows(SQLException.class, () -> Sql.update("UPDATE audit_record SET result = 'X' WHERE actor = ?", user));
        assertThrows(SQLException.class, () -> Sql.update("DELETE FROM audit_record WHERE actor = ?", user));
        assertEquals(2, Sql.count("SELECT COUNT(*) FROM audit_record WHERE actor = ?", user));
    }

    @Test
    void theVerifierFindsAModifiedADeletedAndAnInsertedRecordAndARewrittenSealedTail() throws Exception {
        String modified = chainOf(4);
        String deleted = chainOf(4);
        String inserted = chainOf(4);
        String rewritten = chainOf(3);
        String untouched = chainOf(3);
        String auditor = TestUsers.create("AUDITOR");
        long sealId = asUser.as(auditor, TestUsers.PASSWORD, seals::seal);
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = 'AUDIT_SEALED' AND subject = ? "
                + "AND actor = ?", "audit-seal:" + sealId, auditor), "sealing is itself in the trail");

        Sql.update("ALTER TABLE audit_record DISABLE TRIGGER USER");
        try {
            Sql.update("UPDATE audit_record SET detail = 'nothing to see' WHERE chain = ? AND chain_seq = 2", modified);
            Sql.update("DELETE FROM audit_record WHERE chain = ? AND chain_seq = 2", deleted);
            plant(inserted, 5, "0".repeat(63) + "1", "a record that was never written");
            // the whole tail rewritten, every hash recomputed: the chain links, only the seal can tell
            String secondHash = Sql.string("SELECT hash FROM audit_record WHERE chain = ? AND chain_seq = 2", rewritten);
            Sql.update("DELETE FROM audit_record WHERE chain = ? AND chain_seq = 3", rewritten);
            plant(rewritten, 3, secondHash, "a quieter version of the truth");
        } finally {
            Sql.update("ALTER TABLE audit_record ENABLE TRIGGER USER");
        }

        AuditVerifier.Report report = asUser.as(auditor, TestUsers.PASSWORD, verifier::verify);
        assertTrue(report.records() > 0 && report.seals() > 0, report.toString());
        assertFinding(report, Problem.MODIFIED, modified, 2);
        assertFinding(report, Problem.DELETED, deleted, 3);
        assertFinding(report, Problem.INSERTED, inserted, 5);
        assertFinding(report, Problem.TAIL_REWRITTEN, rewritten, 3);
        assertTrue(report.findings().stream().noneMatch(f -> f.chain().equals(untouched)), report.toString());
        assertTrue(report.findings().stream().noneMatch(f -> f.chain().equals(rewritten) && f.problem() != Problem.TAIL_REWRITTEN),
                "a consistently rewritten tail links: only the seal finds it");
    }

    private static void assertFinding(AuditVerifier.Report report, Problem problem, String chain, long seq) {
        List<Finding> ofChain = report.findings().stream().filter(f -> f.chain().equals(chain)).toList();
        assertTrue(ofChain.stream().anyMatch(f -> f.problem() == problem && f.chainSeq() == seq),
                problem + " at " + chain + "/" + seq + " expected, found " + ofChain);
    }

    /** Waits (15 s at most) until the chainer's timer has linked the actor's records: no verification asks it to. */
    private static void awaitLinked(String actor) throws Exception {
        long giveUp = System.currentTimeMillis() + 15_000;
        while (Sql.count("SELECT COUNT(*) FROM audit_record WHERE actor = ? AND chain_seq IS NULL", actor) > 0
                && System.currentTimeMillis() < giveUp) {
            Thread.sleep(200);
        }
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM audit_record WHERE actor = ? AND chain_seq IS NULL", actor),
                "the chainer linked every record of " + actor);
    }

    /** A new user whose chain has {@code records} records. */
    private String chainOf(int records) throws Exception {
        String user = TestUsers.create("TELLER");
        for (int i = 1; i <= records; i++) {
            int n = i;
            asUser.as(user, TestUsers.PASSWORD, () -> {
                trail.record("TEST_ACTION", "test:" + n, "record " + n, "SUCCESS");
                return null;
            });
        }
        return user;
    }

    /** Inserts a record as an attacker would: linked to {@code prevHash}, its own hash computed correctly. */
    private static void plant(String chain, long seq, String prevHash, String detail) throws Exception {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String hash = AuditChain.hash(prevHash, AuditChain.canonical(chain, seq, at, chain, "TELLER", "0001", null,
                "TEST_ACTION", "test:planted", detail, "SUCCESS"));
        Sql.update("INSERT INTO audit_record (id, chain, chain_seq, occurred_at, actor, roles, branch_code, terminal, "
                        + "action, subject, detail, result, prev_hash, hash) VALUES (?, ?, ?, ?, ?, 'TELLER', '0001', NULL, "
                        + "'TEST_ACTION', 'test:planted', ?, 'SUCCESS', ?, ?)",
                9_000_000_000L + System.nanoTime() % 1_000_000_000L, chain, seq,
                Timestamp.valueOf(LocalDateTime.ofInstant(at, ZoneOffset.UTC)), chain, detail, prevHash, hash);
    }
}
