package bank.teller.till.application;

import bank.teller.shared.Money;
import bank.teller.till.domain.TillSession;
import java.time.Instant;
import java.time.LocalDate;

/** A till session as screens and the API show it; amounts are two-decimal strings (null until counted). */
public record TillView(long sessionId, String branchCode, String tillCode, String teller, LocalDate businessDate,
                       String status, String openingCash, String position, String countedCash,
                       String expectedCash, String difference, String countDetail, String closeNote,
                       String approvedBy, Instant openedAt, Instant closedAt) {

    static TillView of(TillSession s, String position) {
        return new TillView(s.id(), s.branchCode(), s.tillCode(), s.teller(), s.businessDate(), s.status().name(),
                s.openingCash().toPlainString(), position, text(s.countedCash()), text(s.expectedCash()),
                text(s.difference()), s.countDetail(), s.closeNote(), s.approvedBy(), s.openedAt(), s.closedAt());
    }

    private static String text(Money money) {
        return money == null ? null : money.toPlainString();
    }
}
