package bank.teller.deposit.application;

import bank.teller.deposit.domain.InterestLine;
import bank.teller.deposit.domain.InterestSlip;
import bank.teller.deposit.domain.RateTable;
import java.time.LocalDate;
import java.util.List;

/**
 * An interest slip (利息清单) as the screens, the API and the printed slip show it: each period with
 * its principal, annual rate (in per cent), days and interest, and the total.
 */
public record SlipView(String principal, List<Line> lines, String total, String currency) {

    /** One period of the slip. */
    public record Line(String kind, LocalDate from, LocalDate to, long days, String principal, String ratePercent,
                       String interest) {
    }

    public static SlipView of(InterestSlip slip) {
        return slip == null ? null : new SlipView(slip.principal().toPlainString(), slip.lines().stream()
                .map(SlipView::line).toList(), slip.total().toPlainString(), slip.principal().currency());
    }

    private static Line line(InterestLine l) {
        return new Line(l.kind().name(), l.from(), l.to(), l.days(), l.principal().toPlainString(),
                RateTable.percent(l.annualRate()), l.interest().toPlainString());
    }
}
