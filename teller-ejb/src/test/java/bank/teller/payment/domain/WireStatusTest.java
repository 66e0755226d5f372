package bank.teller.payment.domain;

import static bank.teller.payment.domain.WireStatus.ACCEPTED;
import static bank.teller.payment.domain.WireStatus.REJECTED;
import static bank.teller.payment.domain.WireStatus.RETURNED;
import static bank.teller.payment.domain.WireStatus.SETTLED;
import static bank.teller.payment.domain.WireStatus.SUBMITTED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import bank.teller.payment.domain.WireStatus.Change;
import org.junit.jupiter.api.Test;

/** A wire's states as the clearing system's answers move it: duplicates and late answers change nothing. */
class WireStatusTest {

    @Test
    void aWireIsAcceptedThenSettledAndMayBeReturnedAfter() {
        assertEquals(Change.MOVES, SUBMITTED.on(ACCEPTED));
        assertEquals(Change.MOVES, ACCEPTED.on(SETTLED));
        assertEquals(Change.MOVES, SETTLED.on(RETURNED));
        assertEquals(Change.MOVES, SUBMITTED.on(SETTLED), "a settlement that overtook its acceptance");
        assertEquals(Change.MOVES, SUBMITTED.on(REJECTED));
        assertEquals(Change.MOVES, ACCEPTED.on(REJECTED));
    }

    @Test
    void aDuplicateOrLateAnswerChangesNothing() {
        for (WireStatus status : WireStatus.values()) {
            assertEquals(Change.REPEATED, status.on(status), status + " twice");
        }
        assertEquals(Change.REPEATED, SETTLED.on(ACCEPTED), "an acceptance after the settlement");
        assertEquals(Change.REPEATED, RETURNED.on(SETTLED));
        assertEquals(Change.REPEATED, REJECTED.on(ACCEPTED));
    }

    @Test
    void anAnswerThatContradictsAnEarlierOneIsAConflict() {
        assertEquals(Change.CONFLICT, SETTLED.on(REJECTED), "rejected after it settled");
        assertEquals(Change.CONFLICT, REJECTED.on(SETTLED), "settled after it was rejected: the money is back with the payer");
        assertEquals(Change.CONFLICT, ACCEPTED.on(RETURNED), "returned before it settled");
        assertEquals(Change.CONFLICT, RETURNED.on(REJECTED));
    }
}
