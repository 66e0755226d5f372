package bank.teller.voucher.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The voucher of one counter posting. Its number is branch-date-till-sequence
 * ({@code 0001-20261127-001-000042}), unique and gapless per till and day. The first print is the
 * original; every later print is marked COPY. The customer's confirmation (签字确认) is recorded once.
 */
@Entity
@Table(name = "voucher")
public class Voucher {

    @Id
    @Column(name = "voucher_no", length = 24)
    private String number;

    @Column(name = "entry_id", nullable = false)
    private long entryId;

    @Column(name = "branch_code", nullable = false, length = 4)
    private String branchCode;

    @Column(name = "business_date", nullable = false)
    private LocalDate businessDate;

    @Column(name = "till_code", nullable = false, length = 3)
    private String tillCode;

    @Column(name = "sequence_no", nullable = false)
    private int sequence;

    @Column(name = "account_number", nullable = false, length = 16)
    private String accountNumber;

    @Column(name = "counterparty", length = 16)
    private String counterparty;

    @Column(name = "teller", nullable = false, length = 40)
    private String teller;

    @Column(name = "print_count", nullable = false)
    private int printCount;

    @Column(name = "confirmed_by", length = 40)
    private String confirmedBy;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    protected Voucher() {
    }

    public Voucher(long entryId, String branchCode, LocalDate businessDate, String tillCode, int sequence,
                   String accountNumber, String counterparty, String teller) {
        this.number = number(branchCode, businessDate, tillCode, sequence);
        this.entryId = entryId;
        this.branchCode = branchCode;
        this.businessDate = businessDate;
        this.tillCode = tillCode;
        this.sequence = sequence;
        this.accountNumber = accountNumber;
        this.counterparty = counterparty;
        this.teller = teller;
    }

    /** Digits of the sequence in a voucher number. */
    public static final int SEQUENCE_DIGITS = 6;

    /** {@code branch-yyyyMMdd-till-sequence}, the sequence in six digits. */
    public static String number(String branchCode, LocalDate businessDate, String tillCode, int sequence) {
        return numberPrefix(branchCode, businessDate, tillCode) + String.format("%0" + SEQUENCE_DIGITS + "d", sequence);
    }

    /** {@code branch-yyyyMMdd-till-}: a voucher number before its sequence. */
    public static String numberPrefix(String branchCode, LocalDate businessDate, String tillCode) {
        return branchCode + "-" + businessDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + tillCode + "-";
    }

    /** Counts a print; returns whether it is a copy (any print after the first). */
    public boolean printed() {
        printCount++;
        return printCount > 1;
    }

    /**
     * Records the customer's confirmation, given at the counter of the teller who posted it or to a
     * supervisor of its branch; a second confirmation is refused (it was given once).
     */
    public void confirm(String by, String byBranch, boolean bySupervisor, Instant at) {
        if (!by.equals(teller) && !(bySupervisor && branchCode.equals(byBranch))) {
            throw new TellerException(ErrorCode.VOUCHER_NOT_YOURS, number, teller);
        }
        if (confirmedAt != null) {
            throw new TellerException(ErrorCode.VOUCHER_ALREADY_CONFIRMED, number, confirmedBy);
        }
        this.confirmedBy = by;
        this.confirmedAt = at;
    }

    public String number() {
        return number;
    }

    public long entryId() {
        return entryId;
    }

    public String branchCode() {
        return branchCode;
    }

    public LocalDate businessDate() {
        return businessDate;
    }

    public String accountNumber() {
        return accountNumber;
    }

    public String counterparty() {
        return counterparty;
    }

    public String teller() {
        return teller;
    }

    public int printCount() {
        return printCount;
    }

    public String confirmedBy() {
        return confirmedBy;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }
}
