package bank.teller.warehouse;

import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.platform.Branches;
import bank.teller.platform.Jdbc;
import bank.teller.security.Roles;
import bank.teller.shared.JsonSupport;
import bank.teller.shared.StoredTime;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The day's extract for the bank's data warehouse (数据仓库), written by end of day into
 * {@code teller.warehouse.dir} (default {@code warehouse/} in the server's data folder), one folder per
 * business date: CSV files (UTF-8, a header row) described by {@code schema.json} (each file's
 * columns and their types) and listed in {@code manifest.csv} (rows, bytes and SHA-256 of each). The
 * customers, accounts and balances are the day's snapshot; journal lines, vouchers, fees and approvals
 * are the day's own (incremental by business date). Personal data leaves only as the bank's rule says:
 * the ID number as a token (HMAC-SHA-256 under {@code teller.warehouse.token-key}, the same person the
 * same token every day), the name masked to its first character, no phone or address. Nothing of a
 * training branch's (培训) is in it.
 *
 * <p>The folder is written whole under a temporary name and renamed into place, so a reader never sees
 * half a day; running the day again replaces its folder with the same rows, never duplicates.
 */
@Stateless
@RolesAllowed(Roles.SUPERVISOR)
public class WarehouseExtract {

    public static final String MANIFEST = "manifest.csv";
    public static final String SCHEMA = "schema.json";
    private static final String KEY = System.getProperty("teller.warehouse.token-key", "teller-demo-warehouse-key");
    private static final String SIGNED = "CASE WHEN l.side = 'CREDIT' THEN l.amount ELSE -l.amount END";

    /** A column of a file and its type (string, integer, decimal, date, timestamp). */
    record Column(String name, String type) {
    }

    /** A file of the extract: its columns, the query of its rows (the date its parameter, when it has one). */
    record Table(String file, List<Column> columns, String sql, boolean byDate) {
    }

    static final List<Table> TABLES = List.of(
            new Table("customers.csv", columns("customer_id:integer", "customer_type:string", "id_token:string",
                    "name_masked:string", "created_at:timestamp"),
                    "SELECT id, customer_type, id_number, name, created_at FROM customer WHERE training = FALSE ORDER BY id",
                    false),
            new Table("accounts.csv", columns("account_number:string", "customer_id:integer", "branch_code:string",
                    "account_type:string", "product:string", "gl_code:string", "status:string", "opened_on:date",
                    "currency:string", "bound_account:string"),
                    "SELECT account_number, customer_id, branch_code, account_type, product, gl_code, status, opened_on, "
                            + "currency, bound_account FROM account WHERE branch_code" + Branches.REAL + " ORDER BY account_number",
                    false),
            new Table("balances.csv", columns("account_number:string", "balance:decimal"),
                    "SELECT a.account_number, a.balance + COALESCE((SELECT SUM(p.amount) FROM pending_credit p "
                            + "WHERE p.account_number = a.account_number), 0) FROM account a WHERE a.branch_code" + Branches.REAL
                            + " ORDER BY a.account_number",
                    false),
            new Table("journal_lines.csv", columns("entry_id:integer", "line_no:integer", "entry_type:string",
                    "branch_code:string", "teller:string", "posted_at:timestamp", "gl_code:string",
                    "account_number:string", "side:string", "amount:decimal", "currency:string",
                    "reverses_entry:integer", "adjusts_entry:integer"),
                    "SELECT e.id, l.line_no, e.entry_type, e.branch_code, e.teller, e.posted_at, l.gl_code, "
                            + "l.account_number, l.side, l.amount, l.currency, e.reverses_entry, e.adjusts_entry "
                            + "FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id WHERE e.business_date = ? "
                            + "AND e.branch_code" + Branches.REAL + " ORDER BY e.id, l.line_no", true),
            new Table("vouchers.csv", columns("voucher_no:string", "entry_id:integer", "branch_code:string",
                    "till_code:string", "sequence_no:integer", "account_number:string", "counterparty:string",
                    "teller:string", "print_count:integer", "confirmed_by:string"),
                    "SELECT voucher_no, entry_id, branch_code, till_code, sequence_no, account_number, counterparty, "
                            + "teller, print_count, confirmed_by FROM voucher WHERE business_date = ? "
                            + "AND branch_code" + Branches.REAL + " ORDER BY voucher_no",
                    true),
            new Table("fees.csv", columns("entry_id:integer", "entry_type:string", "branch_code:string",
                    "fee_income:decimal"),
                    "SELECT e.id, e.entry_type, e.branch_code, SUM(" + SIGNED + ") FROM journal_line l JOIN journal_entry e "
                            + "ON e.id = l.entry_id WHERE e.business_date = ? AND l.gl_code = '6021' "
                            + "AND e.branch_code" + Branches.REAL
                            + "GROUP BY e.id, e.entry_type, e.branch_code ORDER BY e.id", true),
            new Table("approvals.csv", columns("approval_id:integer", "operation:string", "amount:decimal",
                    "account_number:string", "maker:string", "checker:string", "branch_code:string", "status:string",
                    "created_at:timestamp", "decided_at:timestamp"),
                    "SELECT id, operation, amount, account_number, maker, checker, branch_code, status, created_at, "
                            + "decided_at FROM approval_request WHERE business_date = ? AND branch_code" + Branches.REAL
                            + " ORDER BY id", true));

    /** What a day's extract holds: rows per file. */
    public record Result(LocalDate businessDate, Path folder, Map<String, Integer> rows) {
    }

    @Inject
    private Jdbc jdbc;
    @EJB
    private AuditTrail audit;

    /** The folder of the extracts. */
    public static Path root() {
        String configured = System.getProperty("teller.warehouse.dir");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("jboss.server.data.dir",
                System.getProperty("java.io.tmpdir")), "warehouse");
    }

    /** Writes (or writes again) the day's folder, whole, then renames it into place. */
    public Result write(LocalDate date) {
        Path root = root();
        Path folder = root.resolve(date.toString());
        Path temporary = root.resolve("." + date + "." + UUID.randomUUID() + ".tmp");
        Map<String, Integer> rows = new LinkedHashMap<>();
        try {
            Files.createDirectories(temporary);
            List<String> manifest = new ArrayList<>();
            manifest.add("file,rows,bytes,sha256");
            for (Table table : TABLES) {
                Written written = writeTable(temporary.resolve(table.file()), table, date);
                rows.put(table.file(), written.rows());
                manifest.add(table.file() + "," + written.rows() + "," + written.bytes() + "," + written.sha256());
            }
            Files.writeString(temporary.resolve(SCHEMA), schema(date), StandardCharsets.UTF_8);
            Files.write(temporary.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
            Path old = root.resolve("." + date + "." + UUID.randomUUID() + ".old");
            if (Files.exists(folder)) {
                Files.move(folder, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(temporary, folder, StandardCopyOption.ATOMIC_MOVE);
            delete(old);
        } catch (IOException e) {
            delete(temporary);
            throw new UncheckedIOException("cannot write the warehouse extract of " + date, e);
        }
        audit.record("WAREHOUSE_EXTRACT", date.toString(), rows.toString(), AuditEvent.SUCCESS);
        return new Result(date, folder, rows);
    }

    private record Written(int rows, long bytes, String sha256) {
    }

    private Written writeTable(Path file, Table table, LocalDate date) throws IOException {
        MessageDigest sha256 = sha256();
        int[] count = {0};
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256);
             CSVPrinter printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
                     CSVFormat.RFC4180.builder().setHeader(table.columns().stream().map(Column::name)
                             .toArray(String[]::new)).build())) {
            jdbc.query(table.sql(), row -> {
                try {
                    printer.printRecord(values(table, row));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                count[0]++;
                return null;
            }, table.byDate() ? new Object[] {date} : new Object[0]);
        }
        return new Written(count[0], Files.size(file), HexFormat.of().formatHex(sha256.digest()));
    }

    /** A row's values as the file has them: tokens and masks for personal data, plain decimals. */
    private static Object[] values(Table table, ResultSet row) throws SQLException {
        Object[] values = new Object[table.columns().size()];
        for (int i = 0; i < values.length; i++) {
            Object value = row.getObject(i + 1);
            values[i] = value == null ? null : value instanceof BigDecimal decimal ? decimal.toPlainString()
                    : value instanceof Timestamp || value instanceof OffsetDateTime ? StoredTime.instant(value).toString()
                    : value.toString();
        }
        if (table.file().equals("customers.csv")) {
            values[2] = token(values[2].toString());
            String name = values[3].toString();
            values[3] = name.substring(0, Math.min(1, name.length())) + "*".repeat(Math.max(0, name.length() - 1));
        }
        return values;
    }

    /** The ID number's token: HMAC-SHA-256 under the bank's key, hex. */
    static String token(String idNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(idNumber.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String schema(LocalDate date) {
        JsonArrayBuilder files = JsonSupport.JSON.createArrayBuilder();
        for (Table table : TABLES) {
            JsonArrayBuilder fields = JsonSupport.JSON.createArrayBuilder();
            table.columns().forEach(c -> fields.add(JsonSupport.JSON.createObjectBuilder().add("name", c.name())
                    .add("type", c.type())));
            JsonObjectBuilder file = JsonSupport.JSON.createObjectBuilder().add("path", table.file())
                    .add("scope", table.byDate() ? "business date" : "snapshot at end of day").add("fields", fields);
            files.add(file);
        }
        return JsonSupport.JSON.createObjectBuilder().add("businessDate", date.toString()).add("format", "csv")
                .add("encoding", "UTF-8").add("resources", files).build().toString();
    }

    private static List<Column> columns(String... named) {
        return Stream.of(named).map(n -> new Column(n.substring(0, n.indexOf(':')), n.substring(n.indexOf(':') + 1)))
                .toList();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder is skipped by readers (its name starts with a dot)
        }
    }
}
