package bank.teller.migration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;

/**
 * A row of one of a batch's files: PENDING until the job imports it (what it made or found, what it
 * counts toward in the control totals) or rejects it (an error code and its arguments).
 */
@Entity
@Table(name = "migration_row")
public class MigrationRow {

    public static final String PENDING = "PENDING";
    public static final String IMPORTED = "IMPORTED";
    public static final String REJECTED = "REJECTED";
    static final int DETAIL_MAX = 400;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "migration_row_seq")
    @SequenceGenerator(name = "migration_row_seq", sequenceName = "migration_row_seq", allocationSize = 500)
    private Long id;

    @Column(name = "batch_id", nullable = false)
    private long batchId;

    @Enumerated(EnumType.STRING)
    @Column(name = "file", nullable = false, length = 14)
    private MigrationFile file;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Column(name = "cells", nullable = false, length = 2000)
    private String cells;

    @Column(name = "legacy_key", length = 40)
    private String legacyKey;

    @Column(name = "status", nullable = false, length = 8)
    private String status;

    @Column(name = "reason", length = 40)
    private String reason;

    @Column(name = "detail", length = DETAIL_MAX)
    private String detail;

    @Column(name = "ref", length = 40)
    private String ref;

    @Column(name = "created", nullable = false)
    private boolean created;

    @Column(name = "product", length = 20)
    private String product;

    @Column(name = "units")
    private Integer units;

    @Column(name = "amount", precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(name = "entry_id")
    private Long entryId;

    protected MigrationRow() {
    }

    public MigrationRow(long batchId, MigrationFile file, int lineNo, String cells, String legacyKey) {
        this.batchId = batchId;
        this.file = file;
        this.lineNo = lineNo;
        this.cells = cells;
        this.legacyKey = legacyKey;
        this.status = PENDING;
    }

    /** What it counts toward in the control totals: a product, how many (a voucher range: its numbers), how much. */
    public record Counted(String product, int units, BigDecimal amount) {
    }

    /** Imported: {@code ref} made by the migration ({@code created}) or found in Teller already. */
    public void imported(String ref, boolean created, Counted counted, Long entryId) {
        this.status = IMPORTED;
        this.ref = ref;
        this.created = created;
        this.product = counted.product();
        this.units = counted.units();
        this.amount = counted.amount();
        this.entryId = entryId;
    }

    public void rejected(String code, List<?> args) {
        this.status = REJECTED;
        this.reason = code;
        String joined = String.join("\t", args.stream().map(String::valueOf).toList());
        this.detail = joined.length() > DETAIL_MAX ? joined.substring(0, DETAIL_MAX) : joined;
    }

    public Long id() {
        return id;
    }

    public long batchId() {
        return batchId;
    }

    public MigrationFile file() {
        return file;
    }

    public int lineNo() {
        return lineNo;
    }

    public String cells() {
        return cells;
    }

    public String legacyKey() {
        return legacyKey;
    }

    public String status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    /** The arguments of the rejection's message. */
    public List<String> detail() {
        return detail == null || detail.isEmpty() ? List.of() : List.of(detail.split("\t", -1));
    }

    public String ref() {
        return ref;
    }
}
