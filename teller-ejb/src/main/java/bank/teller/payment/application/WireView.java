package bank.teller.payment.application;

import bank.teller.payment.domain.Wire;
import bank.teller.payment.domain.WireEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A wire and its progress (付款进度及结果) as the counter, the API and the channels show it: what was
 * sent, where it stands, and each step with its time and the clearing system's reference.
 */
public record WireView(String reference, String payerAccount, String payeeName, String payeeAccount, String payeeBank,
                       String payeeBankName, String amount, String fee, String currency, String purpose, boolean urgent,
                       String route, String status, String clearingRef, LocalDate businessDate, Instant createdAt,
                       Instant updatedAt, List<Step> progress) {

    /** One step: the state reached (or an answer that changed nothing, with why). */
    public record Step(String status, String clearingRef, String detail, Long entryId, Instant at) {

        static Step of(WireEvent event) {
            return new Step(event.status().name(), event.clearingRef(), event.detail(), event.entryId(), event.at());
        }
    }

    static WireView of(Wire wire, String bankName, List<WireEvent> events) {
        Wire.Payee payee = wire.payee();
        return new WireView(wire.reference(), wire.payerAccount(), payee.name(), payee.account(), payee.bankCode(),
                bankName, wire.amount().toPlainString(), wire.fee().toPlainString(), wire.amount().currency(),
                wire.purpose(), wire.urgent(), wire.route().name(), wire.status().name(), wire.clearingRef(),
                wire.businessDate(), wire.createdAt(), wire.updatedAt(), events.stream().map(Step::of).toList());
    }
}
