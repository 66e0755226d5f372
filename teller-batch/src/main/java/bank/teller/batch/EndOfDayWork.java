package bank.teller.batch;

import bank.teller.account.application.AccountDormancy;
import bank.teller.account.application.StatementFiles;
import bank.teller.approval.application.Approvals;
import bank.teller.calendar.application.BusinessDays;
import bank.teller.calendar.application.EndOfDayProducts;
import bank.teller.calendar.application.EndOfDaySteps;
import bank.teller.calendar.application.ProductStep;
import bank.teller.calendar.application.WorkingCalendar;
import bank.teller.deposit.application.DemandInterest;
import bank.teller.integration.CoreReconciliations;
import bank.teller.ledger.application.TrialBalance;
import bank.teller.ledger.domain.TrialBalanceReport;
import bank.teller.shared.BusinessCalendar;
import bank.teller.report.ActivityFolder;
import bank.teller.report.DayFigures;
import bank.teller.report.Reports;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import bank.teller.audit.AuditSeals;
import bank.teller.audit.AuditVerifier;
import bank.teller.security.Roles;
import bank.teller.warehouse.WarehouseExtract;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.List;

/**
 * The end-of-day work that batch steps delegate to. Batch steps run without the identity of the
 * supervisor who started the job (or nobody's, when the schedule did), so this bean calls the
 * application services as the system user {@code end-of-day} in the SUPERVISOR role (run-as, in
 * META-INF/jboss-ejb3.xml): the audit trail and the journal name it. Nothing outside this module calls it.
 */
@Stateless
@PermitAll
@RunAs(Roles.SUPERVISOR)
public class EndOfDayWork {

    @EJB
    private AccountDormancy dormancy;
    @EJB
    private CoreReconciliations coreReconciliations;
    @EJB
    private WarehouseExtract warehouse;
    @EJB
    private BusinessDays businessDays;
    @EJB
    private Approvals approvals;
    @EJB
    private DemandInterest interest;
    @EJB
    private EndOfDaySteps steps;
    @EJB
    private TrialBalance trialBalance;
    @EJB
    private AuditSeals seals;
    @EJB
    private AuditVerifier verifier;
    @Inject
    private BusinessCalendar calendar;
    @Inject
    private WorkingCalendar workingCalendar;
    @EJB
    private StatementFiles statementFiles;
    @EJB
    private EndOfDayProducts products;
    @EJB
    private ActivityFolder activityFolder;
    @Inject
    private DayFigures dayFigures;
    @EJB
    private Reports reports;

    /** A step's row in the run's report: the job instance (kept by restarts), the step, the partition (0: none). */
    public record StepRow(long instance, String step, int partition) implements java.io.Serializable {
    }

    public LocalDate today() {
        return calendar.today();
    }

    /**
     * The first day of the statement period when {@code closing} is its month's last business day
     * (the month's statements are due), else null.
     */
    public LocalDate statementPeriodStart(LocalDate closing) {
        return workingCalendar.days().next(closing).getMonth() == closing.getMonth() ? null : closing.withDayOfMonth(1);
    }

    public long countStatementAccounts(String after, String upTo) {
        return statementFiles.countAccounts(after, upTo);
    }

    public List<String> statementPage(String after, String upTo, int max) {
        return statementFiles.accountPage(after, upTo, max);
    }

    /**
     * Writes the statements of a chunk's accounts that get one and counts them in the step's report
     * (the others skipped), in the chunk's transaction.
     */
    public void writeStatements(List<String> accounts, LocalDate from, LocalDate to, StepRow row) {
        int written = statementFiles.write(accounts, from, to);
        steps.add(row.instance(), row.step(), row.partition(), accounts.size(), written, accounts.size() - written, 0, null);
    }

    public int writeStatementManifest(LocalDate closing) {
        return statementFiles.writeManifest(closing);
    }

    public int branchCount() {
        return businessDays.branches().size();
    }

    public List<BusinessDays.BranchDay> closeIdleBranches() {
        return businessDays.closeIdleBranches();
    }

    public int expirePendingApprovals(LocalDate closing) {
        return approvals.expirePending(closing);
    }

    public LocalDate roll(LocalDate closing) {
        return businessDays.roll(closing);
    }

    public TrialBalanceReport trialBalance(long executionId) {
        return trialBalance.run(executionId);
    }

    public List<String> rangeEnds(int partitions) {
        return interest.rangeEnds(partitions);
    }

    public long countEarning(String after, String upTo) {
        return interest.countEarning(after, upTo);
    }

    public List<DemandInterest.AccrualItem> accrualPage(String after, String upTo, int max) {
        return interest.accrualPage(after, upTo, max);
    }

    /** Accrues a page and counts it in the step's report, in the chunk's transaction. */
    public void accrue(List<DemandInterest.AccrualItem> items, LocalDate closing, StepRow row) {
        DemandInterest.Outcome outcome = interest.accrue(items, closing);
        steps.add(row.instance(), row.step(), row.partition(), items.size(), outcome.posted(), outcome.skipped(), 0,
                outcome.reason());
    }

    public long countDue(String after, String upTo, LocalDate closing) {
        return interest.countDue(after, upTo, closing);
    }

    public List<DemandInterest.SettlementItem> settlementPage(DemandInterest.SettlementItem after, String from,
                                                              String upTo, LocalDate closing, int max) {
        return interest.settlementPage(after, from, upTo, closing, max);
    }

    /**
     * Settles one account's period and counts it in the step's report, both in a transaction of
     * their own: a settlement that commits is counted, one that fails leaves no count.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void settle(DemandInterest.SettlementItem item, LocalDate closing, StepRow row) {
        DemandInterest.Outcome outcome = interest.settle(item, closing);
        steps.add(row.instance(), row.step(), row.partition(), 1, outcome.posted(), outcome.skipped(), 0, outcome.reason());
    }

    public long countProductDue(String step, String after, String upTo, LocalDate closing) {
        return products.countDue(step, after, upTo, closing);
    }

    public List<String> productDuePage(String step, String after, String upTo, LocalDate closing, int max) {
        return products.duePage(step, after, upTo, closing, max);
    }

    /**
     * Does what a product's step has due on one account and counts it in the step's report, both in
     * a transaction of their own: what commits is counted, what fails leaves no count.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void processProduct(String step, String account, LocalDate closing, StepRow row) {
        ProductStep.Outcome outcome = products.process(step, account, closing);
        steps.add(row.instance(), row.step(), row.partition(), 1, outcome.posted(), outcome.skipped(), 0, outcome.reason());
    }

    /** Begins a step's (or partition's) report row. */
    public void begin(StepRow row, LocalDate businessDate, long total) {
        steps.begin(row.instance(), row.step(), row.partition(), businessDate, total);
    }

    /**
     * Counts a step done in one go (its items known once read) in a transaction of its own: what it
     * read, changed (posted) and left as it was (skipped), or one failed attempt.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void countDone(StepRow row, long read, long posted, long failed, String reason) {
        steps.addRead(row.instance(), row.step(), row.partition(), read, posted, read - posted - failed, failed, reason);
    }

    /** Adds to a step's report in a transaction of its own (the work it counts committed already, or failed). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void count(StepRow row, long read, long posted, long skipped, long failed, String reason) {
        steps.add(row.instance(), row.step(), row.partition(), read, posted, skipped, failed, reason);
    }

    /** Waits for the core to have the day's entries (no transaction while it waits), then reconciles. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CoreReconciliations.Summary reconcileWithCore(LocalDate closing) {
        return coreReconciliations.reconcileWhenCoreHasTheDay(closing);
    }

    public WarehouseExtract.Result extractForWarehouse(LocalDate closing) {
        return warehouse.write(closing);
    }

    /** The day's activity folded to its last posting, then the figures only a closed day has kept for its reports. */
    public int keepDayFigures(LocalDate closing) {
        activityFolder.foldAll();
        return dayFigures.keep(closing);
    }

    /** The copies of the day's business reports, per branch and for the bank, kept for reprinting. */
    public int keepReports(LocalDate closing) {
        return reports.keep(closing);
    }

    public List<String> markDormantAccounts() {
        return dormancy.markDormantAccounts();
    }

    /** Seals the audit trail as it stands, then verifies every chain and seal. */
    public AuditVerifier.Report sealAndVerifyAudit() {
        seals.seal();
        return verifier.verify();
    }
}
