package bank.teller.deposit.domain;

import bank.teller.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** An {@link InterestLine} as a {@link DepositEvent} keeps it, for the slip's reprint. */
@Embeddable
public class SlipLine {

    @Column(name = "kind", nullable = false, length = 20)
    private String kind;

    @Column(name = "from_date", nullable = false)
    private LocalDate fromDate;

    @Column(name = "to_date", nullable = false)
    private LocalDate toDate;

    @Column(name = "days", nullable = false)
    private int days;

    @Column(name = "principal", nullable = false, precision = 19, scale = 2)
    private BigDecimal principal;

    @Column(name = "annual_rate", nullable = false, precision = 9, scale = 6)
    private BigDecimal annualRate;

    @Column(name = "interest", nullable = false, precision = 19, scale = 2)
    private BigDecimal interest;

    protected SlipLine() {
    }

    SlipLine(InterestLine line) {
        this.kind = line.kind().name();
        this.fromDate = line.from();
        this.toDate = line.to();
        this.days = Math.toIntExact(line.days());
        this.principal = line.principal().amount();
        this.annualRate = line.annualRate();
        this.interest = line.interest().amount();
    }

    InterestLine line(String currency) {
        return new InterestLine(InterestLine.Kind.valueOf(kind), fromDate, toDate, days, Money.of(principal, currency),
                annualRate, Money.of(interest, currency));
    }
}
