package bank.teller.migration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A migration batch as an operator sees it: where it stands, each file's rows imported, rejected and
 * pending, and the control totals beside the old system's ({@code balanced}: every product equal and
 * no row pending).
 */
public record MigrationView(long id, String branchCode, String status, LocalDate businessDate, String loadedBy,
                            Instant loadedAt, String closedBy, Instant closedAt, List<FileRows> files,
                            List<Control> controls, boolean balanced) {

    /** One file's rows by what became of them. */
    public record FileRows(String file, long imported, long rejected, long pending) {
    }

    /** One product: the old system's count and total, the migration's, and whether they are equal. */
    public record Control(String product, long expectedCount, BigDecimal expectedTotal, long migratedCount,
                          BigDecimal migratedTotal, boolean matches) {
    }

    /** A rejected row: its file and line, the error code, its message's arguments, the row as it came. */
    public record Reject(String file, int line, String code, List<String> args, String row) {
    }
}
