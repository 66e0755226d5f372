package bank.teller.account.application;

import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.platform.AccountRange;
import bank.teller.platform.Jdbc;
import bank.teller.security.Roles;
import bank.teller.shared.Pdfs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The month's statements (月度对账单) as end of day writes them on the month's last business day:
 * for every account with postings that month, and every open corporate account, a PDF and a CSV in
 * {@code <statements folder>/<business date>/<branch>/<account>.pdf|.csv}, each registered with its
 * size and SHA-256 (table statement_file) in the transaction of the chunk that wrote it, then a
 * manifest of the day's files from that register. A file is written whole under a temporary name and
 * moved into place, so a re-run rewrites the same files (and their rows) and never leaves half of one
 * or a second.
 * The folder is {@code teller.statements.dir}, by default {@code statements} in the server's data folder.
 */
@Stateless
@RolesAllowed(Roles.SUPERVISOR)
public class StatementFiles {

    public static final String MANIFEST = "manifest.csv";
    public static final String WRITTEN = "STATEMENTS_WRITTEN";
    private static final int MANIFEST_PAGE = 1_000;
    /** Which accounts get a statement for the period from {@code from} to {@code to}. */
    private static String due(LocalDate from, LocalDate to) {
        return "(a.gl_code = '" + GlCodes.CORPORATE_DEMAND_DEPOSITS + "' AND a.status <> 'CLOSED' "
                + "OR EXISTS (SELECT 1 FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id "
                + "WHERE l.account_number = a.account_number AND e.business_date BETWEEN " + Jdbc.date(from) + " AND "
                + Jdbc.date(to) + "))";
    }

    @Inject
    private Jdbc jdbc;
    @EJB
    private Statements statements;
    @EJB
    private AuditTrail audit;

    /** The day's folder of statements. */
    private static Path folder(LocalDate businessDate) {
        String root = System.getProperty("teller.statements.dir");
        Path base = root == null || root.isBlank()
                ? Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")), "statements")
                : Path.of(root);
        return base.resolve(businessDate.toString());
    }

    /** How many accounts the range holds ({@code after} excluded, {@code upTo} included; null: open). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long countAccounts(String after, String upTo) {
        AccountRange range = new AccountRange(after, upTo);
        return jdbc.query("SELECT COUNT(*) FROM account a WHERE " + range.sql(), row -> row.getLong(1),
                range.parameters(List.of())).get(0);
    }

    /**
     * The range's next {@code max} accounts, in number order, which {@link #write} sorts into those
     * due a statement and the others: a page walks the primary key whatever plan PostgreSQL keeps for
     * the statement (the limit written into the SQL), where a filter on the month's postings here made
     * its generic plan hash the month's journal for every page.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> accountPage(String after, String upTo, int max) {
        AccountRange range = new AccountRange(after, upTo);
        return jdbc.query("SELECT a.account_number FROM account a WHERE " + range.sql() + " ORDER BY a.account_number"
                + Jdbc.firstRows(max), row -> row.getString(1), range.parameters(List.of()));
    }

    /**
     * Writes the statements for {@code from} to {@code to} of those of {@code accounts} that get one
     * (postings in the period, or an open corporate account), each read in one snapshot; answers how
     * many it wrote.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int write(List<String> accounts, LocalDate from, LocalDate to) {
        if (accounts.isEmpty()) {
            return 0;
        }
        List<String> due = jdbc.query("SELECT a.account_number FROM account a WHERE a.account_number IN ("
                + String.join(", ", Collections.nCopies(accounts.size(), "?")) + ") AND " + due(from, to)
                + " ORDER BY a.account_number", row -> row.getString(1), accounts.toArray());
        if (due.isEmpty()) {
            return 0;
        }
        Path day = folder(to);
        List<Object[]> written = new ArrayList<>();
        for (Statement statement : statements.statements(due, from, to)) {
            String branch = statement.account().branchCode();
            String number = statement.account().accountNumber();
            // the CSV before the PDF: the manifest's order
            byte[] csv = StatementDocuments.csv(statement).getBytes(StandardCharsets.UTF_8);
            byte[] pdf = StatementDocuments.pdf(Pdfs.BANK_NAME, statement);
            for (Map.Entry<String, byte[]> file : List.of(Map.entry(".csv", csv), Map.entry(".pdf", pdf))) {
                String path = branch + "/" + number + file.getKey();
                replace(day.resolve(path), file.getValue());
                written.add(new Object[] {to, path, number, (long) file.getValue().length, sha256(file.getValue())});
            }
        }
        jdbc.batch("DELETE FROM statement_file WHERE business_date = ? AND path = ?",
                written.stream().map(row -> new Object[] {row[0], row[1]}).toList());
        jdbc.batch("INSERT INTO statement_file (business_date, path, account_number, size_bytes, sha256) "
                + "VALUES (?, ?, ?, ?, ?)", written);
        return due.size();
    }

    /**
     * Writes the day's manifest: a line per statement file the day's statements wrote (its path in
     * the day's folder, size and SHA-256, as registered when it was written), in path order, then the
     * count; answers how many files it lists. Read a page at a time and written line by line, so a
     * million accounts take no more memory than ten. Audited once for the day.
     */
    public int writeManifest(LocalDate businessDate) {
        Path day = folder(businessDate);
        Path manifest = day.resolve(MANIFEST);
        Path temporary = manifest.resolveSibling(MANIFEST + ".tmp");
        int count = 0;
        try {
            Files.createDirectories(day);
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.write("file,bytes,sha256\n");
                String last = "";
                List<String> page;
                while (!(page = jdbc.query("SELECT path, size_bytes, sha256 FROM statement_file "
                                + "WHERE business_date = ? AND path > ? ORDER BY path" + Jdbc.firstRows(MANIFEST_PAGE),
                        row -> row.getString(1) + "," + row.getLong(2) + "," + row.getString(3), businessDate, last))
                        .isEmpty()) {
                    for (String line : page) {
                        out.write(line + "\n");
                    }
                    count += page.size();
                    String lastLine = page.get(page.size() - 1);
                    last = lastLine.substring(0, lastLine.indexOf(','));
                }
                out.write("count," + count + ",\n");
            }
            Files.move(temporary, manifest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the statements manifest of " + businessDate, e);
        }
        audit.record(WRITTEN, businessDate.toString(), count + " files in " + day, AuditEvent.SUCCESS);
        return count;
    }

    /** Writes {@code content} under a temporary name beside {@code file} and moves it into place. */
    private static void replace(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temporary, content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
