package bank.teller.deposit.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/**
 * A loss report of a deposit's certificate (存单挂失). Oral (口头) lapses after {@value #ORAL_DAYS} days
 * unless followed in writing; written (书面, the owner's ID checked) allows, {@value #WAITING_DAYS}
 * days after it was made, a reissue (补发) or a payout (挂失销户), which resolve it. While it is ACTIVE,
 * no money leaves the deposit. The owner may release it (解挂) with their ID. Changed only under the
 * deposit account's row lock.
 */
@Entity
@Table(name = "certificate_loss")
public class CertificateLoss {

    public static final int ORAL_DAYS = 5;
    public static final int WAITING_DAYS = 7;

    public enum Kind { ORAL, WRITTEN }

    public enum Status { ACTIVE, LAPSED, RELEASED, RESOLVED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certificate_loss_seq")
    @SequenceGenerator(name = "certificate_loss_seq", sequenceName = "certificate_loss_seq", allocationSize = 50)
    private Long id;

    @Column(name = "account_number", nullable = false, length = 16)
    private String accountNumber;

    @Column(name = "certificate_no", nullable = false, length = 12)
    private String certificateNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 8)
    private Kind kind;

    /** The day of the report, or of its confirmation in writing: the waiting period counts from it. */
    @Column(name = "reported_on", nullable = false)
    private LocalDate reportedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private Status status;

    @Column(name = "reported_by", nullable = false, length = 40)
    private String reportedBy;

    @Column(name = "ended_on")
    private LocalDate endedOn;

    @Column(name = "ended_by", length = 40)
    private String endedBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CertificateLoss() {
    }

    public CertificateLoss(String accountNumber, String certificateNo, Kind kind, LocalDate reportedOn, String by) {
        this.accountNumber = accountNumber;
        this.certificateNo = certificateNo;
        this.kind = kind;
        this.reportedOn = reportedOn;
        this.status = Status.ACTIVE;
        this.reportedBy = by;
    }

    /** An oral report followed in writing: from today it is written, and the waiting period counts from today. */
    public void confirmInWriting(LocalDate today, String by) {
        if (kind == Kind.WRITTEN) {
            throw new TellerException(ErrorCode.LOSS_REPORT_EXISTS, certificateNo, kind, reportedOn);
        }
        this.kind = Kind.WRITTEN;
        this.reportedOn = today;
        this.reportedBy = by;
    }

    /** The last day an oral report stops payment (it lapses after it), or null for a written one. */
    public LocalDate lapsesAfter() {
        return kind == Kind.ORAL ? reportedOn.plusDays(ORAL_DAYS) : null;
    }

    /** The first day a written report allows a reissue or a payout, or null for an oral one. */
    public LocalDate waitOverOn() {
        return kind == Kind.WRITTEN ? reportedOn.plusDays(WAITING_DAYS) : null;
    }

    /** Refused unless this is a written report whose waiting period is over on {@code today}. */
    public void requireWaitOver(LocalDate today) {
        if (kind != Kind.WRITTEN) {
            throw new TellerException(ErrorCode.LOSS_REPORT_NOT_WRITTEN, certificateNo);
        }
        if (today.isBefore(waitOverOn())) {
            throw new TellerException(ErrorCode.LOSS_REPORT_WAITING, certificateNo, reportedOn, waitOverOn());
        }
    }

    /** The owner releases the report (解挂): payment resumes. */
    public void release(LocalDate today, String by) {
        end(Status.RELEASED, today, by);
    }

    /** A reissue or a payout ended it. */
    public void resolve(LocalDate today, String by) {
        end(Status.RESOLVED, today, by);
    }

    /** An oral report not followed in writing lapses after its days (end of day): payment resumes. */
    public boolean lapse(LocalDate lastDay, String by) {
        if (status != Status.ACTIVE || kind != Kind.ORAL || lapsesAfter().isAfter(lastDay)) {
            return false;
        }
        end(Status.LAPSED, lapsesAfter(), by);
        return true;
    }

    private void end(Status next, LocalDate today, String by) {
        this.status = next;
        this.endedOn = today;
        this.endedBy = by;
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    public Long id() {
        return id;
    }

    public String accountNumber() {
        return accountNumber;
    }

    public String certificateNo() {
        return certificateNo;
    }

    public Kind kind() {
        return kind;
    }

    public LocalDate reportedOn() {
        return reportedOn;
    }

    public Status status() {
        return status;
    }
}
