package bank.teller.payment.domain;

import bank.teller.shared.Money;
import bank.teller.shared.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of a direct-debit file: PENDING until the job debits it (PAID, by entry {@code entryId})
 * or refuses it (REFUSED, with the reason); a line the file could not even state is refused on arrival.
 */
@Entity
@Table(name = "dd_line")
public class DebitLine {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dd_line_seq")
    @SequenceGenerator(name = "dd_line_seq", sequenceName = "dd_line_seq", allocationSize = 500)
    private Long id;

    @Column(name = "file_id", nullable = false)
    private long fileId;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Column(name = "mandate_ref", length = 32)
    private String mandateRef;

    @Column(name = "mandate_id")
    private Long mandateId;

    @Column(name = "amount", precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(name = "status", nullable = false, length = 8)
    private String status;

    @Column(name = "reason", length = 30)
    private String reason;

    @Column(name = "detail", length = 200)
    private String detail;

    @Column(name = "payer_account", length = 16)
    private String payerAccount;

    @Column(name = "entry_id")
    private Long entryId;

    @Column(name = "debited_on")
    private LocalDate debitedOn;

    protected DebitLine() {
    }

    /** A debit the file asks for, waiting for the job. */
    public static DebitLine pending(long fileId, DebitRequests.Debit debit) {
        DebitLine line = new DebitLine(fileId, debit.line(), "PENDING");
        line.mandateRef = debit.mandateRef();
        line.amount = debit.amount().amount();
        return line;
    }

    /** A row the file could not state, refused on arrival. */
    public static DebitLine malformed(long fileId, CsvLines.Refusal refusal) {
        DebitLine line = new DebitLine(fileId, refusal.line(), "REFUSED");
        line.reason = refusal.code();
        line.detail = refusal.detail() == null ? null : Text.abbreviated(refusal.detail(), 199);
        return line;
    }

    private DebitLine(long fileId, int lineNo, String status) {
        this.fileId = fileId;
        this.lineNo = lineNo;
        this.status = status;
    }

    public boolean isPending() {
        return "PENDING".equals(status);
    }

    /** Debited from {@code payer} under mandate {@code mandate} by entry {@code entry} on {@code today}. */
    public void paid(long mandate, String payer, long entry, LocalDate today) {
        status = "PAID";
        mandateId = mandate;
        payerAccount = payer;
        entryId = entry;
        debitedOn = today;
    }

    /** Refused by the job for {@code why} (a code). */
    public void refused(String why, String payer) {
        status = "REFUSED";
        reason = why;
        payerAccount = payer;
    }

    public Long id() {
        return id;
    }

    public long fileId() {
        return fileId;
    }

    public int lineNo() {
        return lineNo;
    }

    public String mandateRef() {
        return mandateRef;
    }

    public Money amount() {
        return amount == null ? null : Money.of(amount, Money.CNY);
    }

    public String status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }

    public String payerAccount() {
        return payerAccount;
    }

    public Long entryId() {
        return entryId;
    }
}
