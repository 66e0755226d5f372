package bank.teller.payment.domain;

import bank.teller.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A line of a reimbursement claim: what was spent, on what, when. */
@Embeddable
public class ClaimLine {

    public static final int NOTE_MAX = 100;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false, length = 16)
    private ClaimCategory category;

    @Column(name = "amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(name = "spent_on", nullable = false)
    private LocalDate spentOn;

    @Column(name = "note", length = NOTE_MAX)
    private String note;

    protected ClaimLine() {
    }

    public ClaimLine(int lineNo, ClaimCategory category, Money amount, LocalDate spentOn, String note) {
        this.lineNo = lineNo;
        this.category = category;
        this.amount = amount.amount();
        this.spentOn = spentOn;
        this.note = note;
    }

    public int lineNo() {
        return lineNo;
    }

    public ClaimCategory category() {
        return category;
    }

    public Money amount() {
        return Money.of(amount, Money.CNY);
    }

    public LocalDate spentOn() {
        return spentOn;
    }

    public String note() {
        return note;
    }
}
