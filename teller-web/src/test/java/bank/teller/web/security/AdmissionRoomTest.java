package bank.teller.web.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdmissionRoomTest {

    @Test
    void turnsAwayTheCallThatFindsNoPlaceAndLetsItInOnceOneIsGivenBack() {
        AdmissionRoom room = new AdmissionRoom(2, 20);
        assertTrue(room.enter());
        assertTrue(room.enter());
        assertFalse(room.enter(), "a third call while two are in must be turned away");
        room.leave();
        assertTrue(room.enter(), "the place given back is free again");
        assertFalse(room.enter());
    }

    @Test
    void aWaitingCallGetsThePlaceThatComesFreeWhileItWaits() throws Exception {
        AdmissionRoom room = new AdmissionRoom(1, TimeUnit.MINUTES.toMillis(5));
        assertTrue(room.enter());
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            return room.enter();
        });
        waiting.await();
        assertFalse(second.isDone() && second.get(), "no place is free yet");
        room.leave();
        assertTrue(second.get(), "the waiting call is let in when the place comes free");
    }

    @Test
    void anInterruptedWaitIsATurnAwayAndKeepsTheInterrupt() {
        AdmissionRoom room = new AdmissionRoom(1, TimeUnit.MINUTES.toMillis(5));
        assertTrue(room.enter());
        Thread.currentThread().interrupt();
        try {
            assertFalse(room.enter());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void refusesASettingWithoutPlaces() {
        assertThrows(IllegalArgumentException.class, () -> new AdmissionRoom(0, 1000));
        assertThrows(IllegalArgumentException.class, () -> new AdmissionRoom(4, -1));
    }
}
