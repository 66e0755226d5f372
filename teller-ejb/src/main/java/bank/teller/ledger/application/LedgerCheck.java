package bank.teller.ledger.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The books compared with themselves (账账、账实核对), at a moment: the journal balanced, every customer
 * account's balance against its journal lines, every GL control account against its customer accounts,
 * and every till's cash against the till-cash lines of all its sessions (the opening of each day carried
 * from the count before, a difference booked as shortage or overage). {@link #findings} lists what
 * does not agree; none when the books are whole.
 */
public record LedgerCheck(LocalDate businessDate, Instant checkedAt, BigDecimal totalDebit, BigDecimal totalCredit,
                          List<String> unbalancedEntries, int accountsChecked, List<String> accountMismatches,
                          List<Control> controls, List<Till> tills, List<String> cashOutsideTills) {

    /** A GL control account: its balance in the journal and the sum of its customer accounts. */
    public record Control(String glCode, BigDecimal journal, BigDecimal accounts) {
        public boolean agrees() {
            return journal.compareTo(accounts) == 0;
        }
    }

    /**
     * A till's latest session: its cash (the opening plus the session's till-cash lines), the count if
     * closed, and the till's cash in the ledger (the till-cash lines of all its sessions).
     */
    public record Till(String branchCode, String tillCode, LocalDate businessDate, String status, String teller,
                       BigDecimal cash, BigDecimal counted, BigDecimal ledger) {
        public boolean agrees() {
            return cash.compareTo(ledger) == 0;
        }
    }

    public boolean balanced() {
        return findings().isEmpty();
    }

    public List<String> findings() {
        List<String> findings = new ArrayList<>();
        if (totalDebit.compareTo(totalCredit) != 0) {
            findings.add("journal: total debit " + totalDebit.toPlainString() + " != total credit "
                    + totalCredit.toPlainString());
        }
        findings.addAll(unbalancedEntries);
        findings.addAll(accountMismatches);
        controls.stream().filter(c -> !c.agrees()).forEach(c -> findings.add("GL " + c.glCode() + ": control "
                + c.journal().toPlainString() + " != accounts " + c.accounts().toPlainString()));
        tills.stream().filter(t -> !t.agrees()).forEach(t -> findings.add("till " + t.branchCode() + "/" + t.tillCode()
                + ": cash " + t.cash().toPlainString() + " != ledger " + t.ledger().toPlainString()));
        findings.addAll(cashOutsideTills);
        return findings;
    }
}
