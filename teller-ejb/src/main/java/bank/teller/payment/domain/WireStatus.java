package bank.teller.payment.domain;

/**
 * Where a wire out stands: SUBMITTED (the payer debited, the message on its way to clearing),
 * ACCEPTED by the clearing system, SETTLED with the payee's bank; or REJECTED by clearing before
 * settlement, or RETURNED (退汇) by the payee's bank after it: in both the money goes back to the payer.
 */
public enum WireStatus {
    SUBMITTED, ACCEPTED, SETTLED, REJECTED, RETURNED;

    /** What an answer of {@code next} does to a wire in this state. */
    public enum Change {
        /** The wire moves on. */
        MOVES,
        /** Nothing: the wire is there already or past it (a duplicate or late answer). */
        REPEATED,
        /** Nothing: the answer contradicts what clearing said before; someone must look. */
        CONFLICT
    }

    public Change on(WireStatus next) {
        if (next == this || next == SUBMITTED) {
            return Change.REPEATED;
        }
        return switch (this) {
            case SUBMITTED -> Change.MOVES;
            case ACCEPTED -> next == RETURNED ? Change.CONFLICT : Change.MOVES;
            case SETTLED -> next == RETURNED ? Change.MOVES : next == ACCEPTED ? Change.REPEATED : Change.CONFLICT;
            case RETURNED -> next == ACCEPTED || next == SETTLED ? Change.REPEATED : Change.CONFLICT;
            case REJECTED -> next == ACCEPTED ? Change.REPEATED : Change.CONFLICT;
        };
    }

    /** Whether the money went back to the payer. */
    public boolean refunded() {
        return this == REJECTED || this == RETURNED;
    }

    /** Whether clearing has still to say more (a settled wire may yet be returned, but rarely: it is done). */
    public boolean inFlight() {
        return this == SUBMITTED || this == ACCEPTED;
    }
}
