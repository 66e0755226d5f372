package bank.teller.payment.application;

import bank.teller.payment.domain.IncomingWire;
import java.time.Instant;
import java.time.LocalDate;

/** A wire in from another bank as the supervisor's screen and the API show it: what came, where it went, why. */
public record IncomingWireView(long id, String clearingRef, String payerName, String payerAccount, String payerBank,
                               String payeeName, String payeeAccount, String amount, String currency, String purpose,
                               String status, String suspenseReason, String reasonDetail, String creditedAccount,
                               long entryId, Long settledEntryId, String settledBy, String settledNote,
                               Instant settledAt, LocalDate businessDate, Instant receivedAt) {

    static IncomingWireView of(IncomingWire wire) {
        return new IncomingWireView(wire.id(), wire.clearingRef(), wire.payerName(), wire.payerAccount(),
                wire.payerBank(), wire.payeeName(), wire.payeeAccount(), wire.amount().toPlainString(),
                wire.amount().currency(), wire.purpose(), wire.status().name(),
                wire.suspenseReason() == null ? null : wire.suspenseReason().name(), wire.reasonDetail(),
                wire.creditedAccount(), wire.entryId(), wire.settledEntryId(), wire.settledBy(), wire.settledNote(),
                wire.settledAt(), wire.businessDate(), wire.receivedAt());
    }
}
