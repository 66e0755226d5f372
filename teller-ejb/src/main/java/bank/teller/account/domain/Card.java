package bank.teller.account.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A debit card (借记卡) on an account. The PIN is kept only as a salted hash. Transitions:
 * {@link #activate} (ISSUED → ACTIVE), {@link #reportLost} (ISSUED/ACTIVE → LOST),
 * {@link #replacedBy} (LOST/ACTIVE → BLOCKED), {@link #cancel} (any but BLOCKED/CANCELLED →
 * CANCELLED); anything else is refused with the card's state.
 */
@Entity
@Table(name = "card")
public class Card {

    public static final int VALID_YEARS = 5;

    @Id
    @Column(name = "pan", length = 19)
    private String pan;

    @Column(name = "account_number", nullable = false, length = 16)
    private String accountNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private CardStatus status;

    @Column(name = "expires_on", nullable = false)
    private LocalDate expiresOn;

    @Column(name = "pin_hash", length = 100)
    private String pinHash;

    @Column(name = "issued_by", nullable = false, length = 40)
    private String issuedBy;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "changed_by", length = 40)
    private String changedBy;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Column(name = "replaced_by", length = 19)
    private String replacedBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Card() {
    }

    public Card(CardNumber pan, AccountNumber account, LocalDate businessDate, String issuedBy, Instant issuedAt) {
        this.pan = pan.value();
        this.accountNumber = account.value();
        this.status = CardStatus.ISSUED;
        this.expiresOn = businessDate.plusYears(VALID_YEARS).withDayOfMonth(1).plusMonths(1).minusDays(1);
        this.issuedBy = issuedBy;
        this.issuedAt = issuedAt;
    }

    /** Sets the PIN (as its hash) and makes the card usable. */
    public void activate(String pinHash, String by, Instant at) {
        require(status == CardStatus.ISSUED);
        this.pinHash = pinHash;
        changed(CardStatus.ACTIVE, by, at);
    }

    /** 挂失: the card stops standing for its account at once. */
    public void reportLost(String by, Instant at) {
        require(status == CardStatus.ISSUED || status == CardStatus.ACTIVE);
        changed(CardStatus.LOST, by, at);
    }

    /** 补卡/换卡: this card is blocked for good and {@code next} takes its place. */
    public void replacedBy(CardNumber next, String by, Instant at) {
        require(status == CardStatus.LOST || status == CardStatus.ACTIVE || status == CardStatus.ISSUED);
        this.replacedBy = next.value();
        changed(CardStatus.BLOCKED, by, at);
    }

    /** 销卡 */
    public void cancel(String by, Instant at) {
        require(status != CardStatus.BLOCKED && status != CardStatus.CANCELLED);
        changed(CardStatus.CANCELLED, by, at);
    }

    /** Refused unless the card is ACTIVE and not expired on {@code businessDate}. */
    public void requireUsable(LocalDate businessDate) {
        if (status != CardStatus.ACTIVE || businessDate.isAfter(expiresOn)) {
            throw new TellerException(ErrorCode.CARD_NOT_USABLE, number().masked(),
                    businessDate.isAfter(expiresOn) ? "EXPIRED" : status.name());
        }
    }

    private void require(boolean allowed) {
        if (!allowed) {
            throw new TellerException(ErrorCode.CARD_STATE_INVALID, number().masked(), status);
        }
    }

    private void changed(CardStatus next, String by, Instant at) {
        this.status = next;
        this.changedBy = by;
        this.changedAt = at;
    }

    public CardNumber number() {
        return new CardNumber(pan);
    }

    public AccountNumber accountNumber() {
        return new AccountNumber(accountNumber);
    }

    public CardStatus status() {
        return status;
    }

    public LocalDate expiresOn() {
        return expiresOn;
    }

    public String pinHash() {
        return pinHash;
    }

    public CardNumber replacedByNumber() {
        return replacedBy == null ? null : new CardNumber(replacedBy);
    }
}
