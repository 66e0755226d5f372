package bank.teller.account.application;

import bank.teller.account.domain.Restriction;
import java.time.Instant;
import java.time.LocalDate;

/** A hold or freeze as callers see it; {@code amount} is null for a whole-account freeze. */
public record RestrictionView(long id, String accountNumber, String kind, String amount, String currency,
                              String reason, String legalReference, LocalDate expiresOn, String placedBy,
                              Instant placedAt, Instant releasedAt) {

    static RestrictionView of(Restriction r) {
        return new RestrictionView(r.id(), r.accountNumber().value(), r.kind().name(),
                r.amount() == null ? null : r.amount().toPlainString(), r.amount() == null ? "CNY" : r.amount().currency(),
                r.reason(), r.legalReference(), r.expiresOn(), r.placedBy(), r.placedAt(), r.releasedAt());
    }
}
