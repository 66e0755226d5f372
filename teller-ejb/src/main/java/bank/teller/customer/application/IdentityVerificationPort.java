package bank.teller.customer.application;

import bank.teller.customer.domain.IdType;
import bank.teller.customer.domain.VerificationResult;

/**
 * The identity verification service (联网核查: the public security ministry's citizen ID check for
 * individuals, the market regulator's register for companies). Implementations answer for a
 * valid document number and a name; they never see anything else about the customer.
 */
public interface IdentityVerificationPort {

    record Answer(VerificationResult result, String reference) {
    }

    Answer verify(IdType idType, String validNumber, String name);
}
