package bank.teller.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-ins half done: the user proved the factors they have, and must now change the password or
 * enrol a token. The ticket (random, 128 bits) names such a sign-in for five minutes; only its
 * holder (the session that signed in) can finish it.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PendingSignIns {

    private static final Duration GOOD_FOR = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Pending(String username, Instant until) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public String issue(String username) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String ticket = HexFormat.of().formatHex(bytes);
        Instant now = clock.instant();
        pending.values().removeIf(p -> p.username().equals(username) || p.until().isBefore(now));
        pending.put(ticket, new Pending(username, now.plus(GOOD_FOR)));
        return ticket;
    }

    /** The user of a ticket still good. */
    public Optional<String> holder(String ticket) {
        Pending p = ticket == null ? null : pending.get(ticket);
        return p == null || p.until().isBefore(clock.instant()) ? Optional.empty() : Optional.of(p.username());
    }

    public void finish(String ticket) {
        pending.remove(ticket);
    }
}
