package bank.teller.security;

import java.time.Duration;

/**
 * The configurable parts of the security policy, read from system properties each time they are
 * needed (an operator sets them with {@code -Dteller.security.*}; a test may shorten them).
 */
public record SecuritySettings(int maxFailedSignIns, Duration lockout, int passwordMinLength, int passwordHistory,
                               Duration passwordMaxAge, Duration sessionIdle, Duration sessionMax) {

    public static SecuritySettings current() {
        return new SecuritySettings(
                Integer.getInteger("teller.security.max-failed-sign-ins", 5),
                Duration.ofMinutes(Long.getLong("teller.security.lockout-minutes", 30)),
                Integer.getInteger("teller.security.password-min-length", 12),
                Integer.getInteger("teller.security.password-history", 5),
                Duration.ofDays(Long.getLong("teller.security.password-max-age-days", 90)),
                Duration.ofSeconds(Long.getLong("teller.security.session-idle-seconds", 15 * 60)),
                Duration.ofSeconds(Long.getLong("teller.security.session-max-seconds", 12 * 3600)));
    }
}
