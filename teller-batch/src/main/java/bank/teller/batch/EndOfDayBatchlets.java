package bank.teller.batch;

import bank.teller.audit.AuditVerifier;
import bank.teller.calendar.application.BusinessDays;
import bank.teller.integration.CoreReconciliations;
import bank.teller.ledger.domain.TrialBalanceReport;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import bank.teller.warehouse.WarehouseExtract;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** The steps of the {@code end-of-day} job done in one go (the job's XML orders them). */
final class EndOfDayBatchlets {

    /** The exit statuses on which the job's XML fails the run (besides the trial balance's UNBALANCED). */
    static final String BRANCHES_OPEN = "BRANCHES OPEN";
    static final String BROKEN = "BROKEN";

    private EndOfDayBatchlets() {
    }

    /**
     * Checks: the run closes today's business date, and every branch has closed its day (a branch
     * that did no counter business is closed here); else the run stops and names the branches.
     */
    @Named("endOfDayChecks")
    @Dependent
    public static class Checks extends EndOfDayBatchlet {
        @Override
        protected Done run(LocalDate closing) {
            LocalDate today = work.today();
            if (!today.equals(closing)) {
                throw new TellerException(ErrorCode.END_OF_DAY_WRONG_DATE, closing, today);
            }
            List<BusinessDays.BranchDay> open = work.closeIdleBranches();
            int branches = work.branchCount();
            if (!open.isEmpty()) {
                return Done.stop(new TellerException(ErrorCode.END_OF_DAY_BRANCHES_OPEN, closing, open.stream()
                        .map(day -> day.branchCode() + (day.blockers().isEmpty() ? "" : " (" + String.join("; ",
                                day.blockers()) + ")")).collect(Collectors.joining(", "))).getMessage(), BRANCHES_OPEN);
            }
            return new Done(branches, 0, null, "BRANCHES CLOSED");
        }
    }

    /** Cut-off: approvals still pending on the closing day expire. */
    @Named("endOfDayCutOff")
    @Dependent
    public static class CutOff extends EndOfDayBatchlet {
        @Override
        protected Done run(LocalDate closing) {
            int expired = work.expirePendingApprovals(closing);
            return new Done(expired, expired, expired == 0 ? null : expired + " pending approvals expired",
                    "EXPIRED " + expired);
        }
    }

    /** Dormancy: active accounts unused for the dormancy period become dormant. */
    @Named("endOfDayDormancy")
    @Dependent
    public static class Dormancy extends EndOfDayBatchlet {
        @Override
        protected Done run(LocalDate closing) {
            List<String> marked = work.markDormantAccounts();
            return new Done(marked.size(), marked.size(), marked.isEmpty() ? null
                    : "dormant: " + String.join(", ", marked.subList(0, Math.min(20, marked.size())))
                    + (marked.size() > 20 ? " and " + (marked.size() - 20) + " more" : ""), "DORMANT " + marked.size());
        }
    }

    /**
     * Reconciliation with the core system (对账): once the day's entries have reached the core, its file
     * compared with the journal; breaks are left for a supervisor (they do not stop the day), and a file
     * the core did not give is recorded so, to be run again.
     */
    @Named("endOfDayCoreReconciliation")
    @Dependent
    public static class CoreReconciliation extends EndOfDayBatchlet {
        @Override
        protected Done run(LocalDate closing) {
            CoreReconciliations.Summary day = work.reconcileWithCore(closing);
            return new Done(day.tellerEntries(), day.matched(), day.detail(), switch (day.status()) {
                case "CLEAN" -> "CLEAN " + day.matched() + " matched";
                case "BREAKS" -> "BREAKS " + day.breaks();
                default -> "NO CORE FILE";
            });
        }
    }

    /** The day's extract for the data warehouse (数据仓库): its folder written whole, again when run again. */
    @Named("endOfDayWarehouse")
    @Dependent
    public static class Warehouse extends EndOfDayBatchlet {
        @Override
        protected Done run(LocalDate closing) {
            WarehouseExtract.Result extract = work.extractForWarehouse(closing);
            int rows = extract.rows().values().stream().mapToInt(Integer::intValue).sum();
            return new Done(rows, rows, extract.rows().toString(), "EXTRACTED " + rows + " rows");
        }
    }

    /** The day's figures for the dashboards and reports (deposits, accounts opened, fee income, dormant accounts), kept. */
    @Named("endOfDayFigures")
    @Dependent
    public static class Figures extends EndOfDayBatchlet {
        @Override
        protected Done run(LocalDate closing) {
            int rows = work.keepDayFigures(closing);
            return new Done(rows, rows, null, "KEPT " + rows + " figures");
        }
    }

    /** The day's business reports (营业日报 and the rest), kept per branch and for the bank for reprinting. */
    @Named("endOfDayReports")
    @Dependent
    public static class KeptReports extends EndOfDayBatchlet {
        @Override
        protected Done run(LocalDate closing) {
            int copies = work.keepReports(closing);
            return new Done(copies, copies, null, "KEPT " + copies + " reports");
        }
    }

    /** The manifest of the month's statements (count, size and SHA-256 of each file), on the month's last business day. */
    @Named("endOfDayStatementManifest")
    @Dependent
    public static class StatementManifest extends EndOfDayBatchlet {
        @Override
        protected Done run(LocalDate closing) {
            if (work.statementPeriodStart(closing) == null) {
                return new Done(0, 0, "not the month's last business day", "NO STATEMENTS");
            }
            int files = work.writeStatementManifest(closing);
            return new Done(files, files, null, "MANIFEST " + files + " files");
        }
    }

    /** Trial balance: books that do not balance stop the run before the roll. */
    @Named("endOfDayTrialBalance")
    @Dependent
    public static class TrialBalance extends EndOfDayBatchlet {
        @Inject
        private JobContext job;

        @Override
        protected Done run(LocalDate closing) {
            TrialBalanceReport report = work.trialBalance(job.getExecutionId());
            if (!report.balanced()) {
                return Done.stop("the books do not balance: " + report.report(), TrialBalanceBatchlet.UNBALANCED);
            }
            return new Done(1, 0, null, TrialBalanceBatchlet.BALANCED);
        }
    }

    /** Audit: the trail is sealed and verified; a broken chain stops the run before the roll. */
    @Named("endOfDayAudit")
    @Dependent
    public static class Audit extends EndOfDayBatchlet {
        @Override
        protected Done run(LocalDate closing) {
            AuditVerifier.Report report = work.sealAndVerifyAudit();
            if (!report.intact()) {
                return Done.stop("the audit trail is broken: " + report.findings().stream().map(Object::toString)
                        .collect(Collectors.joining("; ")), BROKEN);
            }
            return new Done(report.records(), 0, null, "INTACT " + report.records() + " records");
        }
    }

    /** The date roll (日切), last: the next business day begins. */
    @Named("endOfDayRoll")
    @Dependent
    public static class Roll extends EndOfDayBatchlet {
        @Override
        protected Done run(LocalDate closing) {
            LocalDate next = work.roll(closing);
            return new Done(1, 1, closing + " -> " + next, "ROLLED TO " + next);
        }
    }
}
