package bank.teller.audit;

import java.time.Instant;

/**
 * What happened, before it joins a chain. {@code result} is SUCCESS, or REFUSED/FAILED with the
 * error code ("REFUSED:INSUFFICIENT_FUNDS"); {@code detail} holds before/after where it applies.
 */
public record AuditEvent(Instant occurredAt, String actor, String roles, String branchCode, String terminal,
                         String action, String subject, String detail, String result) {

    public static final String SUCCESS = "SUCCESS";

    public static String refused(String code) {
        return "REFUSED:" + code;
    }
}
