package bank.teller.payment.domain;

import bank.teller.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A company's direct-debit file, once per its file reference: its lines wait for the direct-debit job
 * (RECEIVED), which debits or refuses each once and then credits the company with the total
 * (COMPLETED, {@code creditedEntryId}).
 */
@Entity
@Table(name = "dd_file")
public class DebitFile {

    public static final String REF_PATTERN = "[A-Za-z0-9._-]{1,40}";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dd_file_seq")
    @SequenceGenerator(name = "dd_file_seq", sequenceName = "dd_file_seq", allocationSize = 50)
    private Long id;

    @Column(name = "agreement_id", nullable = false)
    private long agreementId;

    @Column(name = "file_ref", nullable = false, length = 40)
    private String fileRef;

    @Column(name = "business_date", nullable = false)
    private LocalDate businessDate;

    @Column(name = "status", nullable = false, length = 10)
    private String status;

    @Column(name = "line_count", nullable = false)
    private int lineCount;

    @Column(name = "execution_id")
    private Long executionId;

    @Column(name = "credited_entry_id")
    private Long creditedEntryId;

    @Column(name = "paid_count")
    private Integer paidCount;

    @Column(name = "paid_total", precision = 19, scale = 2)
    private BigDecimal paidTotal;

    @Column(name = "received_by", nullable = false, length = 40)
    private String receivedBy;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected DebitFile() {
    }

    public DebitFile(long agreementId, String fileRef, int lineCount, LocalDate businessDate, String receivedBy,
                     Instant now) {
        this.agreementId = agreementId;
        this.fileRef = fileRef;
        this.lineCount = lineCount;
        this.businessDate = businessDate;
        this.status = "RECEIVED";
        this.receivedBy = receivedBy;
        this.receivedAt = now;
    }

    /** The job execution that processes it (the latest, after a restart). */
    public void processedBy(long execution) {
        executionId = execution;
    }

    /** Done: {@code count} debits paid for {@code total}, credited to the company by entry {@code entry} (null: none paid). */
    public void completed(int count, Money total, Long entry, Instant now) {
        status = "COMPLETED";
        paidCount = count;
        paidTotal = total.amount();
        creditedEntryId = entry;
        completedAt = now;
    }

    public boolean isCompleted() {
        return "COMPLETED".equals(status);
    }

    public Long id() {
        return id;
    }

    public long agreementId() {
        return agreementId;
    }

    public String fileRef() {
        return fileRef;
    }

    public LocalDate businessDate() {
        return businessDate;
    }

    public String status() {
        return status;
    }

    public int lineCount() {
        return lineCount;
    }

    public Long executionId() {
        return executionId;
    }

    public Long creditedEntryId() {
        return creditedEntryId;
    }

    public Integer paidCount() {
        return paidCount;
    }

    public BigDecimal paidTotal() {
        return paidTotal;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }
}
