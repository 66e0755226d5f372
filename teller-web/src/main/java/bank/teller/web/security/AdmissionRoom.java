package bank.teller.web.security;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many calls {@link Admission} lets in at once: {@code places} places, taken first come first
 * served; a call waits at most {@code waitMillis} for one.
 */
final class AdmissionRoom {

    private final Semaphore places;
    private final long waitMillis;

    AdmissionRoom(int places, long waitMillis) {
        if (places < 1 || waitMillis < 0) {
            throw new IllegalArgumentException("admission needs at least one place and a wait of zero or more: "
                    + places + " places, " + waitMillis + " ms");
        }
        this.places = new Semaphore(places, true);
        this.waitMillis = waitMillis;
    }

    /** Takes a place, waiting for one at most the configured time; false when none came free (or interrupted). */
    boolean enter() {
        try {
            return places.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives back a place taken by {@link #enter()}. */
    void leave() {
        places.release();
    }
}
