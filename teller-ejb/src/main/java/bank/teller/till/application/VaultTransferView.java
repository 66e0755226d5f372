package bank.teller.till.application;

import bank.teller.till.domain.VaultTransfer;
import java.time.Instant;

/** A vault transfer as the teller and the vault keeper see it. */
public record VaultTransferView(long id, long sessionId, String direction, String amount, String status,
                                String requestedBy, Instant requestedAt, String decidedBy) {

    static VaultTransferView of(VaultTransfer t) {
        return new VaultTransferView(t.id(), t.sessionId(), t.direction(), t.amount().toPlainString(), t.status(),
                t.requestedBy(), t.requestedAt(), t.decidedBy());
    }
}
