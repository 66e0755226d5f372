package bank.teller.migration;

import bank.teller.platform.Jdbc;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import bank.teller.till.domain.BlankVoucher;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;

/**
 * Removes what a batch migrated, in its caller's transaction, newest first: deposit records, cards,
 * restrictions, the opening entries and their accounts, the customers it registered (and their
 * migration checks), the blank vouchers it received. Refused when the batch's business day has closed
 * (its entries are in that day's books) or anything it made has been used since; anything else still
 * referring to what it made refuses it too (the database's references), and nothing is removed.
 */
@Dependent
class MigrationDiscard {

    @Inject
    private Jdbc jdbc;

    /** What was removed, for the audit trail. */
    String remove(MigrationBatch batch, LocalDate today) {
        long id = batch.id();
        long entries = count("SELECT COUNT(*) FROM migration_row WHERE batch_id = ? AND entry_id IS NOT NULL", id);
        if (entries > 0 && !batch.businessDate().equals(today)) {
            throw new TellerException(ErrorCode.MIGRATION_IN_USE, id, "its opening balances are in the books of "
                    + batch.businessDate() + ", a closed day");
        }
        String accounts = "SELECT ref FROM migration_row WHERE batch_id = ? AND file IN ('ACCOUNTS', 'TIME_DEPOSITS') "
                + "AND status = 'IMPORTED'";
        long used = count("SELECT COUNT(*) FROM journal_line l WHERE l.account_number IN (" + accounts + ") "
                + "AND l.entry_id NOT IN (SELECT entry_id FROM migration_row WHERE batch_id = ? AND entry_id IS NOT NULL)",
                id, id);
        long cardsUsed = count("SELECT COUNT(*) FROM card WHERE pan IN (SELECT ref FROM migration_row WHERE batch_id = ? "
                + "AND file = 'CARDS' AND status = 'IMPORTED') AND status <> 'ISSUED'", id);
        if (used + cardsUsed > 0) {
            throw new TellerException(ErrorCode.MIGRATION_IN_USE, id, used + " postings and " + cardsUsed
                    + " card changes since");
        }
        try {
            int events = jdbc.update("DELETE FROM deposit_event WHERE account_number IN (" + accounts + ")", id);
            int deposits = jdbc.update("DELETE FROM term_deposit WHERE account_number IN (" + accounts + ")", id);
            int cards = jdbc.update("DELETE FROM card WHERE pan IN (SELECT ref FROM migration_row WHERE batch_id = ? "
                    + "AND file = 'CARDS' AND status = 'IMPORTED')", id);
            int restrictions = jdbc.update("DELETE FROM account_restriction WHERE account_number IN (" + accounts + ")", id);
            String batchEntries = "SELECT entry_id FROM migration_row WHERE batch_id = ? AND entry_id IS NOT NULL";
            jdbc.update("DELETE FROM journal_line WHERE entry_id IN (" + batchEntries + ")", id);
            int journal = jdbc.update("DELETE FROM journal_entry WHERE id IN (" + batchEntries + ")", id);
            int opened = jdbc.update("DELETE FROM account WHERE account_number IN (" + accounts + ")", id);
            String customers = "SELECT ref FROM migration_row WHERE batch_id = ? AND file = 'CUSTOMERS' "
                    + "AND status = 'IMPORTED' AND created = TRUE"; // ids as text: refs of other files are not numbers
            List<Long> checks = jdbc.query("SELECT verification_id FROM customer WHERE CAST(id AS VARCHAR(40)) IN ("
                    + customers + ")", row -> row.getLong(1), id);
            int registered = jdbc.update("DELETE FROM customer WHERE CAST(id AS VARCHAR(40)) IN (" + customers + ")", id);
            for (Long check : checks) {
                jdbc.update("DELETE FROM identity_verification WHERE id = ?", check);
            }
            int vouchers = removeVouchers(batch);
            return registered + " customers, " + opened + " accounts (" + deposits + " time deposits, " + events
                    + " deposit events, " + restrictions + " restrictions), " + journal + " opening entries, " + cards
                    + " cards, " + vouchers + " blank vouchers";
        } catch (TellerException refused) {
            throw refused;
        } catch (RuntimeException referred) { // a reference the checks above did not foresee
            throw new TellerException(ErrorCode.MIGRATION_IN_USE, id, "something else refers to what it migrated ("
                    + referred.getClass().getSimpleName() + ")");
        }
    }

    /** The vouchers of each range the batch received, refused if any left the vault. */
    private int removeVouchers(MigrationBatch batch) {
        int removed = 0;
        for (String range : jdbc.query("SELECT ref FROM migration_row WHERE batch_id = ? AND file = 'VOUCHER_STOCK' "
                + "AND status = 'IMPORTED'", row -> row.getString(1), batch.id())) {
            String kind = range.substring(0, range.indexOf(':'));
            String[] serials = range.substring(range.indexOf(':') + 1).split("-");
            String where = " FROM blank_voucher WHERE branch_code = ? AND kind = ? AND serial_no BETWEEN ? AND ? "
                    + "AND LENGTH(serial_no) = ?";
            Object[] parameters = {batch.branchCode(), kind, serials[0], serials[1], serials[0].length()};
            if (count("SELECT COUNT(*)" + where + " AND status <> '" + BlankVoucher.IN_VAULT + "'", parameters) > 0) {
                throw new TellerException(ErrorCode.MIGRATION_IN_USE, batch.id(), "blank vouchers " + range
                        + " left the vault");
            }
            removed += jdbc.update("DELETE" + where, parameters);
        }
        return removed;
    }

    private long count(String sql, Object... parameters) {
        return jdbc.query(sql, row -> row.getLong(1), parameters).get(0);
    }
}
