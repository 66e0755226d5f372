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

    /**
     * Whether the account at another bank ({@code bankCode}, its CNAPS code) belongs to the person with
     * this document and name (银行账户核验, as the clearing system's account verification answers):
     * MATCH, NAME_MISMATCH when it is someone else's, NOT_FOUND when there is no such account.
     */
    Answer verifyAccount(String bankCode, String accountNumber, IdType idType, String validNumber, String name);
}
