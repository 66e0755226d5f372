package bank.teller.payment.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
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
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A wire in from another bank (来账), once per clearing reference: credited to the account it names
 * when number and name match, else held in suspense (2251) with the reason until a supervisor applies
 * it to an account or returns it. Its receipt is the journal entry {@code entryId}; the supervisor's
 * decision is {@code settledEntryId}, made once (the request id that made it is kept, so its replay
 * answers the same).
 */
@Entity
@Table(name = "incoming_wire")
public class IncomingWire {

    public static final int NOTE_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incoming_wire_seq")
    @SequenceGenerator(name = "incoming_wire_seq", sequenceName = "incoming_wire_seq", allocationSize = 50)
    private Long id;

    @Column(name = "clearing_ref", nullable = false, length = Wire.CLEARING_REF_MAX, unique = true)
    private String clearingRef;

    @Column(name = "payer_name", nullable = false, length = Wire.NAME_MAX)
    private String payerName;

    @Column(name = "payer_account", nullable = false, length = 32)
    private String payerAccount;

    @Column(name = "payer_bank", nullable = false, length = 12)
    private String payerBank;

    @Column(name = "payee_name", nullable = false, length = Wire.NAME_MAX)
    private String payeeName;

    @Column(name = "payee_account", nullable = false, length = 32)
    private String payeeAccount;

    @Column(name = "amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "purpose", length = Wire.PURPOSE_MAX)
    private String purpose;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private IncomingWireStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "suspense_reason", length = 24)
    private SuspenseReason suspenseReason;

    @Column(name = "reason_detail", length = NOTE_MAX)
    private String reasonDetail;

    @Column(name = "credited_account", length = 16)
    private String creditedAccount;

    @Column(name = "entry_id", nullable = false)
    private long entryId;

    @Column(name = "settled_entry_id")
    private Long settledEntryId;

    @Column(name = "settled_by", length = 40)
    private String settledBy;

    @Column(name = "settled_request_id", length = 64)
    private String settledRequestId;

    @Column(name = "settled_note", length = NOTE_MAX)
    private String settledNote;

    @Column(name = "settled_at")
    private Instant settledAt;

    @Column(name = "business_date", nullable = false)
    private LocalDate businessDate;

    @Column(name = "branch_code", nullable = false, length = 4)
    private String branchCode;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected IncomingWire() {
    }

    /** What the clearing system says came in: from whom, to which account and name, how much. */
    public record Arrival(String clearingRef, String payerName, String payerAccount, String payerBank,
                          String payeeName, String payeeAccount, Money amount, String purpose) {
    }

    private IncomingWire(Arrival arrival, IncomingWireStatus status, LocalDate businessDate, String branchCode,
                         long entryId, Instant now) {
        this.clearingRef = arrival.clearingRef();
        this.payerName = arrival.payerName();
        this.payerAccount = arrival.payerAccount();
        this.payerBank = arrival.payerBank();
        this.payeeName = arrival.payeeName();
        this.payeeAccount = arrival.payeeAccount();
        this.amount = arrival.amount().amount();
        this.currency = arrival.amount().currency();
        this.purpose = arrival.purpose();
        this.status = status;
        this.businessDate = businessDate;
        this.branchCode = branchCode;
        this.entryId = entryId;
        this.receivedAt = now;
    }

    /** Credited at once to {@code account}, the one it names, by entry {@code entryId}. */
    public static IncomingWire credited(Arrival arrival, String account, LocalDate businessDate, String branchCode,
                                        long entryId, Instant now) {
        IncomingWire wire = new IncomingWire(arrival, IncomingWireStatus.CREDITED, businessDate, branchCode, entryId,
                now);
        wire.creditedAccount = account;
        return wire;
    }

    /** Held in suspense for {@code reason}, by entry {@code entryId}. */
    public static IncomingWire suspended(Arrival arrival, SuspenseReason reason, String detail, LocalDate businessDate,
                                         String branchCode, long entryId, Instant now) {
        IncomingWire wire = new IncomingWire(arrival, IncomingWireStatus.SUSPENDED, businessDate, branchCode, entryId,
                now);
        wire.suspenseReason = reason;
        wire.reasonDetail = detail;
        return wire;
    }

    /**
     * Whether the name on a wire is the account holder's: the same once spaces (ASCII and
     * full-width), letter case and full-width forms are set aside (NFKC), as a clerk would read them.
     */
    public static boolean sameName(String named, String holder) {
        return named != null && holder != null && comparable(named).equals(comparable(holder));
    }

    private static String comparable(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /**
     * Whether {@code requestId} of {@code user} already decided this wire (a replay): true; false when
     * it is still in suspense; INCOMING_WIRE_NOT_SUSPENDED when it was credited or decided by another request.
     */
    public boolean decidedBy(String user, String requestId) {
        if (status == IncomingWireStatus.SUSPENDED) {
            return false;
        }
        if (user.equals(settledBy) && requestId.equals(settledRequestId)) {
            return true;
        }
        throw new TellerException(ErrorCode.INCOMING_WIRE_NOT_SUSPENDED, clearingRef, status);
    }

    /** Applied by a supervisor to {@code account} (entry {@code entry}: Dr suspense / Cr the account). */
    public void applied(String account, long entry, String user, String requestId, String note, Instant now) {
        settle(IncomingWireStatus.APPLIED, entry, user, requestId, note, now);
        creditedAccount = account;
    }

    /** Returned by a supervisor to the remitting bank (entry {@code entry}: Dr suspense / Cr clearing). */
    public void returned(long entry, String user, String requestId, String note, Instant now) {
        settle(IncomingWireStatus.RETURNED, entry, user, requestId, note, now);
    }

    private void settle(IncomingWireStatus next, long entry, String user, String requestId, String note, Instant now) {
        if (status != IncomingWireStatus.SUSPENDED) {
            throw new TellerException(ErrorCode.INCOMING_WIRE_NOT_SUSPENDED, clearingRef, status);
        }
        status = next;
        settledEntryId = entry;
        settledBy = user;
        settledRequestId = requestId;
        settledNote = note;
        settledAt = now;
    }

    public Long id() {
        return id;
    }

    public String clearingRef() {
        return clearingRef;
    }

    public String payerName() {
        return payerName;
    }

    public String payerAccount() {
        return payerAccount;
    }

    public String payerBank() {
        return payerBank;
    }

    public String payeeName() {
        return payeeName;
    }

    public String payeeAccount() {
        return payeeAccount;
    }

    public Money amount() {
        return Money.of(amount, currency);
    }

    public String purpose() {
        return purpose;
    }

    public IncomingWireStatus status() {
        return status;
    }

    public SuspenseReason suspenseReason() {
        return suspenseReason;
    }

    public String reasonDetail() {
        return reasonDetail;
    }

    public String creditedAccount() {
        return creditedAccount;
    }

    public long entryId() {
        return entryId;
    }

    public Long settledEntryId() {
        return settledEntryId;
    }

    public String settledBy() {
        return settledBy;
    }

    public String settledNote() {
        return settledNote;
    }

    public Instant settledAt() {
        return settledAt;
    }

    public LocalDate businessDate() {
        return businessDate;
    }

    public String branchCode() {
        return branchCode;
    }

    public Instant receivedAt() {
        return receivedAt;
    }
}
