package bank.teller.migration;

import java.util.List;

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

    /** The old system's control totals: count and sum per product at the branch. */
    public static final List<String> CONTROL_HEADER = List.of("branch_code", "product", "count", "total");

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

    public List<String> header() {
        return header;
    }

    /** Whether a row's first cell names what later files refer to (a customer, an account). */
    boolean keyed() {
        return this != VOUCHER_STOCK;
    }
}
