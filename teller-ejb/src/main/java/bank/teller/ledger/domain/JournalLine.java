package bank.teller.ledger.domain;

import bank.teller.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * One side of a journal entry: a GL account, optionally the customer account (subledger) it
 * concerns with the balance after, and a positive amount. Immutable once posted.
 */
@Entity
@Table(name = "journal_line")
public class JournalLine {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "journal_line_seq")
    @SequenceGenerator(name = "journal_line_seq", sequenceName = "journal_line_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "entry_id", nullable = false, updatable = false)
    private JournalEntry entry;

    @Column(name = "line_no", nullable = false, updatable = false)
    private int lineNo;

    @Column(name = "gl_code", nullable = false, length = 8, updatable = false)
    private String glCode;

    @Column(name = "account_number", length = 16, updatable = false)
    private String accountNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "side", nullable = false, length = 6, updatable = false)
    private Side side;

    @Column(name = "amount", nullable = false, precision = 19, scale = 2, updatable = false)
    private BigDecimal amount;

    @Column(name = "currency", nullable = false, length = 3, updatable = false)
    private String currency;

    @Column(name = "balance_after", precision = 19, scale = 2, updatable = false)
    private BigDecimal balanceAfter;

    protected JournalLine() {
    }

    JournalLine(JournalEntry entry, int lineNo, PostingLine line) {
        this.entry = entry;
        this.lineNo = lineNo;
        this.glCode = line.glCode();
        this.accountNumber = line.accountNumber();
        this.side = line.side();
        this.amount = line.amount().amount();
        this.currency = line.amount().currency();
        this.balanceAfter = line.balanceAfter() == null ? null : line.balanceAfter().amount();
    }

    /** Gives the line its id, once, as it is written (Ledger writes entries without JPA). */
    void numbered(long lineId) {
        if (id != null) {
            throw new IllegalStateException("journal line " + id + " is numbered already");
        }
        this.id = lineId;
    }

    public Long id() {
        return id;
    }

    public JournalEntry entry() {
        return entry;
    }

    public int lineNo() {
        return lineNo;
    }

    public String glCode() {
        return glCode;
    }

    public String accountNumber() {
        return accountNumber;
    }

    public Side side() {
        return side;
    }

    public Money amount() {
        return Money.of(amount, currency);
    }

    public Money balanceAfter() {
        return balanceAfter == null ? null : Money.of(balanceAfter, currency);
    }
}
