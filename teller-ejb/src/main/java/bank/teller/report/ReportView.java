package bank.teller.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A business report (报表) as the screen, the API and the exports show it: its period and branch (null
 * for the whole bank), whether it is the copy end of day kept for a closed day (and when that was
 * made), its columns and its rows. A value is text as shown, except in a LABEL column, where it is
 * the key of its words in the screens' messages (an entry type, a product), put into the reader's
 * language when it is shown.
 */
public record ReportView(String report, LocalDate from, LocalDate to, String branchCode, boolean kept,
                         Instant generatedAt, List<Column> columns, List<List<String>> rows) {

    /** TEXT as shown, LABEL a message key, COUNT a whole number, AMOUNT a two-decimal amount. */
    public enum Kind { TEXT, LABEL, COUNT, AMOUNT }

    public record Column(String key, Kind kind) {
    }

    /** The column's sum over the rows (COUNT and AMOUNT columns), else null. */
    public String total(int column) {
        Kind kind = columns.get(column).kind();
        if (kind != Kind.COUNT && kind != Kind.AMOUNT) {
            return null;
        }
        java.math.BigDecimal sum = rows.stream().map(r -> new java.math.BigDecimal(r.get(column)))
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        return sum.toPlainString();
    }
}
