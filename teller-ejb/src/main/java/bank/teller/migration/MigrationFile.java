package bank.teller.migration;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a branch's migration reads, in the order they are imported (a row may refer to rows of
 * the files before it): CSV in UTF-8 with exactly this header. The formats are documented in the
 * README (Migration from the old system).
 */
public enum MigrationFile {
    CUSTOMERS("customers", List.of("legacy_id", "type", "name", "id_number", "phone", "address", "occupation",
            "legal_representative", "contact_name", "contact_phone")),
    ACCOUNTS("accounts", List.of("account_number", "legacy_customer_id", "type", "balance", "opened_on", "expires_on",
            "restriction", "restriction_amount", "restriction_reference", "restriction_reason")),
    CARDS("cards", List.of("card_number", "account_number")),
    TIME_DEPOSITS("timeDeposits", List.of("account_number", "legacy_customer_id", "product", "principal",
            "rate_percent", "term_start", "renewal", "settlement_account", "certificate_no")),
    VOUCHER_STOCK("voucherStock", List.of("kind", "first_serial", "last_serial"));

    /** The old system's control totals: count and sum per product at the branch, and their name in a request. */
    public static final List<String> CONTROL_HEADER = List.of("branch_code", "product", "count", "total");
    public static final String CONTROL_TOTALS = "controlTotals";

    private final String field;
    private final List<String> header;

    MigrationFile(String field, List<String> header) {
        this.field = field;
        this.header = header;
    }

    /** Its name in a request (the JSON field that carries it). */
    public String field() {
        return field;
    }

    /** The file named {@code field} in a request (VALIDATION_FAILED for another name). */
    public static MigrationFile ofField(String field) {
        return Arrays.stream(values()).filter(f -> f.field.equals(field)).findFirst()
                .orElseThrow(() -> new TellerException(ErrorCode.VALIDATION_FAILED, "file", field + " (one of "
                        + String.join(", ", fields()) + ")"));
    }

    /** The names of every file in a request, the control totals last. */
    public static List<String> fields() {
        return Stream.concat(Arrays.stream(values()).map(MigrationFile::field), Stream.of(CONTROL_TOTALS)).toList();
    }

    public List<String> header() {
        return header;
    }

    /** Whether a row's first cell names what later files refer to (a customer, an account). */
    boolean keyed() {
        return this != VOUCHER_STOCK;
    }
}
