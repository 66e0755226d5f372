package bank.teller.training;

import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.platform.Branches;
import bank.teller.platform.Database;
import bank.teller.platform.Jdbc;
import bank.teller.security.AppUser;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.RequestIds;
import bank.teller.shared.TellerException;
import bank.teller.till.application.Tills;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/**
 * A training branch (培训网点, issue 19) as its supervisor (the trainer) sees it, and its reset: everything
 * its trainees did removed — vouchers and their ratings, approvals, cards, deposits, restrictions, the
 * journal, tills, accounts, the training customers no account is left to, blank vouchers, the trainees'
 * request ids — and the branch stocked again (cash in the vault, blank certificates), as at the start.
 * The audit trail keeps every record, the reset's own with what it removed. Refused while a till of the
 * branch is open: a trainee may be at work.
 */
@Stateless
@RolesAllowed(Roles.SUPERVISOR)
public class Training {

    public static final String RESET = "TRAINING_RESET";

    private static final String ACCOUNTS = "SELECT account_number FROM account WHERE branch_code = ?";
    private static final String ENTRIES = "SELECT id FROM journal_entry WHERE branch_code = ?";
    private static final String CARDS = "SELECT pan FROM card WHERE account_number IN (" + ACCOUNTS + ")";
    private static final String AGREEMENTS = "SELECT id FROM collection_agreement WHERE company_account IN (" + ACCOUNTS + ")";
    private static final String CLAIMS = "SELECT id FROM claim WHERE payee_account IN (" + ACCOUNTS + ")";

    /** What a training branch holds: its customers, accounts, postings, tills open and vault cash. */
    public record TrainingView(String branchCode, long customers, long accounts, long entries, List<String> openTills,
                               String vaultCash) {
    }

    @Inject
    private Jdbc jdbc;
    @Inject
    private Branches branches;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private TrainingStock stock;
    @EJB
    private Database database;
    @EJB
    private RequestIds requestIds;
    @EJB
    private AuditTrail audit;
    @EJB
    private Tills tills;

    /** The caller's training branch now (TRAINING_BRANCH_ONLY when theirs is one of the bank's). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TrainingView view() {
        return view(trainingBranch());
    }

    /** Resets the caller's training branch, once per request id; answers the branch as it is after. */
    public TrainingView reset(String requestId) {
        String branch = trainingBranch();
        return requestIds.once(requestId, RESET, branch, done -> view(branch), now -> {
            jdbc.query("SELECT code FROM branch WHERE code = ?" + database.forUpdate(), row -> 1, branch);
            List<String> open = openTills(branch);
            if (!open.isEmpty()) {
                throw new TellerException(ErrorCode.TRAINING_TILLS_OPEN, String.join(", ", open));
            }
            String removed = remove(branch);
            String stocked = stock.stock(branch, currentUser.name(), now);
            audit.record(RESET, branch, "removed " + removed + "; stocked again: " + stocked, AuditEvent.SUCCESS);
            return view(branch);
        }, view -> view.branchCode());
    }

    private String trainingBranch() {
        AppUser me = currentUser.get();
        if (!branches.training(me.branchCode())) {
            throw new TellerException(ErrorCode.TRAINING_BRANCH_ONLY, me.branchCode());
        }
        return me.branchCode();
    }

    private TrainingView view(String branch) {
        long customers = count("SELECT COUNT(DISTINCT customer_id) FROM account WHERE branch_code = ?", branch);
        long accounts = count("SELECT COUNT(*) FROM account WHERE branch_code = ?", branch);
        long entries = count("SELECT COUNT(*) FROM journal_entry WHERE branch_code = ?", branch);
        String vault = tills.branchCash().vaultPosition(); // the caller's branch: the training branch
        return new TrainingView(branch, customers, accounts, entries, openTills(branch), vault);
    }

    private List<String> openTills(String branch) {
        return jdbc.query("SELECT till_code, teller FROM till_session WHERE branch_code = ? AND status <> 'CLOSED' "
                + "ORDER BY till_code", row -> row.getString(1) + " (" + row.getString(2) + ")", branch);
    }

    /** Removes everything of the branch's, newest first; answers what, for the audit trail. */
    private String remove(String branch) {
        delete("service_rating", "voucher_no IN (SELECT voucher_no FROM voucher WHERE branch_code = ?)", branch);
        int vouchers = delete("voucher", "branch_code = ?", branch);
        int approvals = delete("approval_request", "branch_code = ?", branch);
        delete("card_pin_try", "pan IN (" + CARDS + ")", branch);
        delete("terminal_withdrawal", "pan IN (" + CARDS + ") OR entry_id IN (" + ENTRIES + ")", branch, branch);
        int cards = delete("card", "account_number IN (" + ACCOUNTS + ")", branch);
        for (String table : List.of("account_limit_usage", "account_restriction", "certificate_loss", "interest_accrual",
                "statement_file")) {
            delete(table, "account_number IN (" + ACCOUNTS + ")", branch);
        }
        delete("account_external_binding", "account_number IN (" + ACCOUNTS + ") OR bound_account IN (" + ACCOUNTS + ")",
                branch, branch);
        delete("periodic_fee_charge", "account_number IN (" + ACCOUNTS + ") OR entry_id IN (" + ENTRIES + ")",
                branch, branch);
        delete("pending_credit", "account_number IN (" + ACCOUNTS + ") OR entry_id IN (" + ENTRIES + ")", branch, branch);
        delete("deposit_interest_line", "event_id IN (SELECT id FROM deposit_event WHERE account_number IN ("
                + ACCOUNTS + "))", branch);
        delete("deposit_event", "account_number IN (" + ACCOUNTS + ")", branch);
        int deposits = delete("term_deposit", "account_number IN (" + ACCOUNTS + ") OR settlement_account IN ("
                + ACCOUNTS + ")", branch, branch);
        for (String table : List.of("claim_attachment", "claim_event", "claim_line")) {
            delete(table, "claim_id IN (" + CLAIMS + ")", branch);
        }
        delete("claim", "payee_account IN (" + ACCOUNTS + ")", branch);
        delete("dd_line", "payer_account IN (" + ACCOUNTS + ") OR file_id IN (SELECT id FROM dd_file WHERE agreement_id IN ("
                + AGREEMENTS + "))", branch, branch);
        delete("dd_mandate", "payer_account IN (" + ACCOUNTS + ") OR agreement_id IN (" + AGREEMENTS + ")", branch, branch);
        delete("dd_file", "agreement_id IN (" + AGREEMENTS + ")", branch);
        delete("collection_bill", "agreement_id IN (" + AGREEMENTS + ")", branch);
        delete("collection_agreement", "company_account IN (" + ACCOUNTS + ")", branch);
        delete("vault_transfer", "session_id IN (SELECT id FROM till_session WHERE branch_code = ?)", branch);
        // the references among the branch's own rows, cut before the rows go
        jdbc.update("UPDATE till_session SET variance_entry = NULL WHERE branch_code = ?", branch);
        jdbc.update("UPDATE journal_entry SET reverses_entry = NULL, adjusts_entry = NULL, till_session_id = NULL "
                + "WHERE branch_code = ?", branch);
        jdbc.update("UPDATE account SET bound_account = NULL WHERE branch_code = ?", branch);
        delete("journal_line", "entry_id IN (" + ENTRIES + ")", branch);
        int entries = delete("journal_entry", "branch_code = ?", branch);
        int tills = delete("till_session", "branch_code = ?", branch);
        int accounts = delete("account", "branch_code = ?", branch);
        String orphans = "training = TRUE AND NOT EXISTS (SELECT 1 FROM account a WHERE a.customer_id = customer.id)";
        List<Long> checks = jdbc.query("SELECT verification_id FROM customer WHERE " + orphans
                + " AND verification_id IS NOT NULL", row -> row.getLong(1));
        int customers = delete("customer", orphans);
        checks.forEach(check -> jdbc.update("DELETE FROM identity_verification WHERE id = ?", check));
        int blanks = delete("blank_voucher", "branch_code = ?", branch);
        delete("request_reservation", "caller IN (SELECT username FROM app_user WHERE branch_code = ?)", branch);
        return customers + " customers, " + accounts + " accounts (" + deposits + " time deposits, " + cards + " cards), "
                + entries + " entries, " + vouchers + " vouchers, " + approvals + " approvals, " + tills
                + " till sessions, " + blanks + " blank vouchers";
    }

    private int delete(String table, String where, Object... parameters) {
        return jdbc.update("DELETE FROM " + table + " WHERE " + where, parameters);
    }

    private long count(String sql, Object... parameters) {
        return jdbc.query(sql, row -> row.getLong(1), parameters).get(0);
    }
}
