package bank.teller.customer.application;

import bank.teller.customer.domain.IdType;
import bank.teller.customer.domain.VerificationResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Stands in for the verification service until a bank connects the real one. Deterministic, so
 * tests and demos can ask for each answer: a document number whose first 17 characters end in
 * {@code 999} is NOT_FOUND; a name containing {@code 不符} or {@code MISMATCH} is NAME_MISMATCH;
 * anything else is a MATCH. An account at another bank ending in {@code 999} is NOT_FOUND, one ending in
 * {@code 000} someone else's (NAME_MISMATCH), any other the person's if the person checks out.
 * References start with {@code SIM-}.
 */
@ApplicationScoped
public class SimulatedIdentityVerification implements IdentityVerificationPort {

    @Override
    public Answer verify(IdType idType, String validNumber, String name) {
        VerificationResult result;
        if (validNumber.substring(14, 17).equals("999")) {
            result = VerificationResult.NOT_FOUND;
        } else if (name.contains("不符") || name.toUpperCase().contains("MISMATCH")) {
            result = VerificationResult.NAME_MISMATCH;
        } else {
            result = VerificationResult.MATCH;
        }
        return new Answer(result, "SIM-" + UUID.randomUUID().toString().substring(0, 18));
    }

    @Override
    public Answer verifyAccount(String bankCode, String accountNumber, IdType idType, String validNumber, String name) {
        Answer person = verify(idType, validNumber, name);
        VerificationResult result = accountNumber.endsWith("999") ? VerificationResult.NOT_FOUND
                : accountNumber.endsWith("000") ? VerificationResult.NAME_MISMATCH : person.result();
        return new Answer(result, person.reference());
    }
}
