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
 * does not agree; none when the books are whole. Amounts are two-decimal text, as everywhere in the API.
 */
public record LedgerCheck(LocalDate businessDate, Instant checkedAt, String totalDebit, String totalCredit,
                          List<String> unbalancedEntries, int accountsChecked, List<String> accountMismatches,
                          List<Control> controls, List<Till> tills, List<String> cashOutsideTills) {

    /** A GL control account: its balance in the journal and the sum of its customer accounts (amounts as text). */
    public record Control(String glCode, String journal, String accounts) {
        public boolean agrees() {
            return new BigDecimal(journal).compareTo(new BigDecimal(accounts)) == 0;
        }
    }

    /**
     * A till's latest session: its cash (the opening plus the session's till-cash lines), the count if
     * closed, and the till's cash in the ledger (the till-cash lines of all its sessions).
     */
    public record Till(String branchCode, String tillCode, LocalDate businessDate, String status, String teller,
                       String cash, String counted, String ledger) {
        public boolean agrees() {
            return new BigDecimal(cash).compareTo(new BigDecimal(ledger)) == 0;
        }
    }

    public boolean balanced() {
        return findings().isEmpty();
    }

    public List<String> findings() {
        List<String> findings = new ArrayList<>();
        if (new BigDecimal(totalDebit).compareTo(new BigDecimal(totalCredit)) != 0) {
            findings.add("journal: total debit " + totalDebit + " != total credit " + totalCredit);
        }
        findings.addAll(unbalancedEntries);
        findings.addAll(accountMismatches);
        controls.stream().filter(c -> !c.agrees()).forEach(c -> findings.add("GL " + c.glCode() + ": control "
                + c.journal() + " != accounts " + c.accounts()));
        tills.stream().filter(t -> !t.agrees()).forEach(t -> findings.add("till " + t.branchCode() + "/" + t.tillCode()
                + ": cash " + t.cash() + " != ledger " + t.ledger()));
        findings.addAll(cashOutsideTills);
        return findings;
    }
}
