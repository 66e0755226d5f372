package bank.teller.migration;

import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.payment.domain.CsvLines;
import bank.teller.platform.Branches;
import bank.teller.platform.Jdbc;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import jakarta.ejb.EJB;

/**
 * A branch's migration from the old system (业务迁移), as operators run it: {@link #open} a batch,
 * {@link #stage} the branch's files and {@link #stageControls the old system's control totals} (a
 * file that cannot be read is refused whole; a row that cannot be read is rejected with its reason);
 * the {@code migration-import} job then
 * imports each row once; {@link #view} shows the control totals beside the old system's and
 * {@link #rejects} the report of rejected rows; a supervisor other than the loader {@link #signOff
 * signs it off} once they are equal, or it is {@link #discard discarded} and the branch migrated again
 * from scratch. Each step audited.
 */
@Stateless
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class Migrations {

    /** The most rows a file may have. */
    public static final int MAX_ROWS = 100_000;

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private Jdbc jdbc;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private BusinessCalendar calendar;
    @EJB
    private AuditTrail audit;
    @Inject
    private MigrationDiscard discard;
    @Inject
    private Branches branches;

    private final Clock clock = Clock.systemUTC();

    /** A new batch for the branch, its files to come; refused while another batch of the branch stands. */
    public MigrationView open(String branchCode) {
        String branch = Text.required("branchCode", branchCode, 4);
        if (!branches.exists(branch)) {
            throw new TellerException(ErrorCode.BRANCH_NOT_FOUND, branch);
        }
        if (branches.training(branch)) {
            throw new TellerException(ErrorCode.TRAINING_UNAVAILABLE, "MIGRATION");
        }
        em.createQuery("SELECT b FROM MigrationBatch b WHERE b.branchCode = :branch ORDER BY b.id", MigrationBatch.class)
                .setParameter("branch", branch).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                .filter(MigrationBatch::standing).findFirst().ifPresent(standing -> {
                    throw new TellerException(ErrorCode.MIGRATION_BRANCH_BUSY, branch, standing.id(), standing.status());
                });
        MigrationBatch batch = new MigrationBatch(branch, calendar.today(), currentUser.get().username(),
                StoredTime.now(clock));
        em.persist(batch);
        em.flush();
        audit.record("MIGRATION_OPENED", "migration:" + batch.id(), "branch " + branch, AuditEvent.SUCCESS);
        return view(batch.id());
    }

    /**
     * Stages one of the batch's files before its import, in place of the file given before: each row
     * as it came, a row that cannot be read rejected with its reason. A header that is not the file's
     * refuses the whole file, and nothing of it is staged.
     */
    public MigrationView stage(long id, MigrationFile file, String text) {
        MigrationBatch batch = lock(id);
        batch.requireLoading();
        CsvLines.Parsed<Staged> parsed = read(file, text);
        jdbc.update("DELETE FROM migration_row WHERE batch_id = ? AND file = ?", id, file.name());
        stage(id, file, parsed);
        audit.record("MIGRATION_FILE_STAGED", "migration:" + id, file.field() + ": " + parsed.items().size()
                + " rows, " + parsed.refused().size() + " unreadable", AuditEvent.SUCCESS);
        return view(id);
    }

    /** Stages the old system's control totals for the batch, in place of those given before. */
    public MigrationView stageControls(long id, String text) {
        MigrationBatch batch = lock(id);
        batch.requireLoading();
        List<Control> controls = readControls(batch.branchCode(), text);
        jdbc.update("DELETE FROM migration_control WHERE batch_id = ?", id);
        jdbc.batch("INSERT INTO migration_control (batch_id, product, expected_count, expected_total) VALUES (?, ?, ?, ?)",
                controls.stream().map(c -> new Object[] {id, c.product(), c.count(), c.total()}).toList());
        audit.record("MIGRATION_FILE_STAGED", "migration:" + id, "control totals for " + controls.size() + " products",
                AuditEvent.SUCCESS);
        return view(id);
    }

    /** A row as staged: its line, what later files refer to it by, its cells as one CSV line. */
    private record Staged(int line, String key, String cells) {
    }

    private static CsvLines.Parsed<Staged> read(MigrationFile file, String text) {
        if (text == null || text.isBlank()) {
            return new CsvLines.Parsed<>(List.of(), List.of());
        }
        CsvLines.Parsed<Staged> parsed = CsvLines.parse(text, file.header(), file.header().size(), MAX_ROWS, Staged.class,
                file.keyed() ? Staged::key : null, "DUPLICATE", (record, line) -> new Staged(line,
                        file.keyed() ? Text.abbreviated(record.get(0), 40) : null, cells(record)));
        parsed.refused().stream().filter(r -> r.line() == 1 && "HEADER_INVALID".equals(r.code())).findFirst()
                .ifPresent(header -> {
                    throw new TellerException(ErrorCode.MIGRATION_FILE_INVALID, file.field(), header.detail());
                });
        return parsed;
    }

    private static String cells(CSVRecord record) {
        StringBuilder line = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(line, CSVFormat.DEFAULT.builder().setRecordSeparator("").get())) {
            printer.printRecord(record.values());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.toString();
    }

    private void stage(long batchId, MigrationFile file, CsvLines.Parsed<Staged> parsed) {
        for (Staged row : parsed.items()) {
            if (row.cells().length() > 2000) {
                MigrationRow tooLong = new MigrationRow(batchId, file, row.line(), "", row.key());
                tooLong.rejected(ErrorCode.MIGRATION_ROW_MALFORMED.name(), List.of("longer than 2000 characters"));
                em.persist(tooLong);
            } else {
                em.persist(new MigrationRow(batchId, file, row.line(), row.cells(), row.key()));
            }
        }
        for (CsvLines.Refusal refusal : parsed.refused()) {
            MigrationRow refused = new MigrationRow(batchId, file, refusal.line(), "", null);
            boolean duplicate = "DUPLICATE".equals(refusal.code());
            refused.rejected((duplicate ? ErrorCode.MIGRATION_ROW_DUPLICATE : ErrorCode.MIGRATION_ROW_MALFORMED).name(),
                    List.of(duplicate ? refusal.detail().replace(" is listed twice", "") : refusal.detail()));
            em.persist(refused);
        }
    }

    /** One line of the old system's control totals: a product's count and total. */
    private record Control(String product, long count, BigDecimal total) {
    }

    private static List<Control> readControls(String branch, String text) {
        if (text == null || text.isBlank()) {
            throw new TellerException(ErrorCode.MIGRATION_CONTROLS_INVALID, 1, "the old system's control totals are required");
        }
        CsvLines.Parsed<Control> parsed = CsvLines.parse(text, MigrationFile.CONTROL_HEADER,
                MigrationFile.CONTROL_HEADER.size(), 1000, Control.class, Control::product, "DUPLICATE", (record, line) -> {
                    if (!branch.equals(record.get(0))) {
                        return new CsvLines.Refusal(line, "BRANCH", "branch " + record.get(0) + " is not " + branch);
                    }
                    try {
                        long count = Long.parseLong(record.get(2));
                        BigDecimal total = new BigDecimal(record.get(3));
                        if (count < 0 || total.scale() > 2) {
                            throw new NumberFormatException();
                        }
                        return new Control(Text.required("product", record.get(1), 20), count, total.setScale(2));
                    } catch (NumberFormatException | TellerException bad) {
                        return new CsvLines.Refusal(line, "NUMBER", "count must be a whole number and total an amount");
                    }
                });
        if (!parsed.refused().isEmpty()) {
            CsvLines.Refusal first = parsed.refused().get(0);
            throw new TellerException(ErrorCode.MIGRATION_CONTROLS_INVALID, first.line(), first.detail());
        }
        return parsed.items();
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public MigrationView view(long id) {
        MigrationBatch batch = require(id);
        Map<String, long[]> byFile = new LinkedHashMap<>();
        for (MigrationFile file : MigrationFile.values()) {
            byFile.put(file.name(), new long[3]);
        }
        jdbc.query("SELECT file, status, COUNT(*) FROM migration_row WHERE batch_id = ? GROUP BY file, status", row -> {
            long[] counts = byFile.get(row.getString(1));
            counts[switch (row.getString(2)) {
                case MigrationRow.IMPORTED -> 0;
                case MigrationRow.REJECTED -> 1;
                default -> 2;
            }] = row.getLong(3);
            return null;
        }, id);
        List<MigrationView.FileRows> files = byFile.entrySet().stream()
                .map(e -> new MigrationView.FileRows(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
        List<MigrationView.Control> controls = controls(id);
        boolean balanced = !controls.isEmpty() && files.stream().allMatch(f -> f.pending() == 0)
                && controls.stream().allMatch(MigrationView.Control::matches);
        return new MigrationView(batch.id(), batch.branchCode(), batch.status().name(), batch.businessDate(),
                batch.loadedBy(), batch.loadedAt(), batch.closedBy(), batch.closedAt(), files, controls, balanced);
    }

    /** Every product the old system counted or the migration imported, with both counts and totals. */
    private List<MigrationView.Control> controls(long id) {
        record Sum(long count, BigDecimal total) {
        }
        Map<String, Sum> expected = new TreeMap<>();
        jdbc.query("SELECT product, expected_count, expected_total FROM migration_control WHERE batch_id = ?",
                row -> expected.put(row.getString(1), new Sum(row.getLong(2), row.getBigDecimal(3))), id);
        Map<String, Sum> migrated = new TreeMap<>();
        jdbc.query("SELECT product, SUM(units), SUM(amount) FROM migration_row WHERE batch_id = ? AND status = ? "
                        + "GROUP BY product", row -> migrated.put(row.getString(1), new Sum(row.getLong(2),
                        row.getBigDecimal(3).setScale(2))), id, MigrationRow.IMPORTED);
        Sum none = new Sum(0, BigDecimal.ZERO.setScale(2));
        List<MigrationView.Control> controls = new ArrayList<>();
        for (String product : new TreeSet<>(java.util.stream.Stream.concat(expected.keySet().stream(),
                migrated.keySet().stream()).toList())) {
            Sum old = expected.getOrDefault(product, none);
            Sum now = migrated.getOrDefault(product, none);
            controls.add(new MigrationView.Control(product, old.count(), old.total(), now.count(), now.total(),
                    old.count() == now.count() && old.total().compareTo(now.total()) == 0));
        }
        return controls;
    }

    /** The rejected rows, by file (in import order) and line: the report the old system's data is mended from. */
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<MigrationView.Reject> rejects(long id) {
        require(id);
        return em.createQuery("SELECT r FROM MigrationRow r WHERE r.batchId = :id AND r.status = :rejected "
                        + "ORDER BY r.file, r.lineNo", MigrationRow.class)
                .setParameter("id", id).setParameter("rejected", MigrationRow.REJECTED).getResultStream()
                .map(r -> new MigrationView.Reject(r.file().name(), r.lineNo(), r.reason(), r.detail(), r.cells()))
                .sorted(java.util.Comparator.comparing((MigrationView.Reject r) -> MigrationFile.valueOf(r.file()))
                        .thenComparingInt(MigrationView.Reject::line))
                .toList();
    }

    /**
     * A supervisor other than the loader confirms the branch migrated: every row imported or rejected
     * and the control totals equal to the old system's. The batch can no longer be discarded.
     */
    @RolesAllowed(Roles.SUPERVISOR)
    public MigrationView signOff(long id) {
        MigrationBatch batch = lock(id);
        MigrationView view = view(id);
        if (batch.status() == MigrationBatch.Status.IMPORTED && !view.balanced()) {
            throw new TellerException(ErrorCode.MIGRATION_CONTROLS_DIFFER, id, view.controls().stream()
                    .filter(c -> !c.matches()).map(c -> c.product() + " " + c.migratedCount() + "/" + c.migratedTotal()
                            + " against " + c.expectedCount() + "/" + c.expectedTotal())
                    .collect(Collectors.joining("; ")) + (view.files().stream().anyMatch(f -> f.pending() > 0)
                    ? "; rows still pending" : ""));
        }
        batch.signedOff(currentUser.get().username(), StoredTime.now(clock));
        forgetRows(id);
        audit.record("MIGRATION_SIGNED_OFF", "migration:" + id, "branch " + batch.branchCode() + ", loaded by "
                + batch.loadedBy(), AuditEvent.SUCCESS);
        return view(id);
    }

    /**
     * Removes what the batch migrated (customers it registered, accounts with their opening entries,
     * restrictions, deposits and cards, the blank vouchers it received), so the branch can be migrated
     * again from scratch; refused once signed off, while importing, on a later business day than the
     * batch's, or once anything it made has been used.
     */
    public MigrationView discard(long id) {
        MigrationBatch batch = lock(id);
        batch.requireOpen();
        if (batch.status() == MigrationBatch.Status.IMPORTING) {
            throw new TellerException(ErrorCode.MIGRATION_STATE, id, batch.status());
        }
        String removed = discard.remove(batch, calendar.today());
        batch.discarded(currentUser.get().username(), StoredTime.now(clock));
        forgetRows(id);
        audit.record("MIGRATION_DISCARDED", "migration:" + id, "branch " + batch.branchCode() + ": removed " + removed,
                AuditEvent.SUCCESS);
        return view(id);
    }

    /**
     * The old system's rows (names, ID numbers, phones) are not kept once the batch is closed: what
     * became of each row stays, its cells go.
     */
    private void forgetRows(long id) {
        jdbc.update("UPDATE migration_row SET cells = '' WHERE batch_id = ?", id);
    }

    /** The job execution importing the batch, or null before its first. */
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Long executionOf(long id) {
        return require(id).executionId();
    }

    /** The batches of a branch, newest first. */
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<MigrationView> ofBranch(String branchCode) {
        return em.createQuery("SELECT b.id FROM MigrationBatch b WHERE b.branchCode = :branch ORDER BY b.id DESC",
                Long.class).setParameter("branch", Objects.toString(branchCode)).getResultStream().map(this::view).toList();
    }

    MigrationBatch require(long id) {
        MigrationBatch batch = em.find(MigrationBatch.class, id);
        if (batch == null) {
            throw new TellerException(ErrorCode.MIGRATION_NOT_FOUND, id);
        }
        return batch;
    }

    private MigrationBatch lock(long id) {
        return MigrationBatch.lock(em, id);
    }
}
