package bank.teller.platform;

import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ReferenceData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * The bank's branches as the modules that take a branch code check it: the one place that asks whether
 * one exists, and whether it is a training branch (培训网点, issue 19), whose business stays out of the
 * bank's books: never sent to the core system, never in the dashboards, reports, warehouse or the trial
 * balance. An account belongs to the branch its number begins with.
 */
@ApplicationScoped
public class Branches {

    /** SQL: a branch code column's condition for the bank's real branches (append to the column). */
    public static final String REAL = " NOT IN (SELECT t.code FROM branch t WHERE t.training = TRUE)";
    /** SQL: the ids of the training branches' journal entries (for an entry id column's NOT IN). */
    public static final String TRAINING_ENTRIES = "SELECT te.id FROM journal_entry te WHERE te.branch_code IN "
            + "(SELECT t.code FROM branch t WHERE t.training = TRUE)";

    @Inject
    private Jdbc jdbc;
    @Inject
    private ReferenceData referenceData;
    @Inject
    private BusinessCalendar calendar;

    /** Whether a branch has the code (null is none). */
    public boolean exists(String code) {
        return code != null && !jdbc.query("SELECT 1 FROM branch WHERE code = ?", row -> 1, code).isEmpty();
    }

    /** Whether the branch is a training branch (kept as reference data: no statement on the posting path). */
    public boolean training(String code) {
        return code != null && trainingCodes().contains(code);
    }

    /** Whether the account (by its number, which begins with its branch's code) is a training branch's. */
    public boolean trainingAccount(String accountNumber) {
        return accountNumber != null && accountNumber.length() >= 4 && training(accountNumber.substring(0, 4));
    }

    /**
     * Whether staff of {@code branchCode} see a training branch's record ({@code training}) or the
     * bank's: training's staff see training's only, the bank's branches the bank's only, and those at no
     * branch (administrators, auditors, the system) both.
     */
    public boolean visibleFrom(String branchCode, boolean training) {
        return branchCode == null || training(branchCode) == training;
    }

    /** The training branches' codes. */
    public Set<String> trainingCodes() {
        return referenceData.get(calendar.referenceVersion(), "training branches", "all",
                () -> Set.copyOf(jdbc.query("SELECT code FROM branch WHERE training = TRUE", row -> row.getString(1))));
    }
}
