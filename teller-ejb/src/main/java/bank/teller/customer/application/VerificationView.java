package bank.teller.customer.application;

import bank.teller.customer.domain.IdentityVerification;
import java.time.Instant;

/** An identity check as the teller sees it; the ID number masked. */
public record VerificationView(long id, String idType, String idNumberMasked, String name, String result,
                               String reference, String verifiedBy, Instant verifiedAt) {

    static VerificationView of(IdentityVerification v) {
        return new VerificationView(v.id(), v.idType().name(), v.idType().mask(v.idNumber()), v.name(),
                v.result().name(), v.reference(), v.verifiedBy(), v.verifiedAt());
    }
}
