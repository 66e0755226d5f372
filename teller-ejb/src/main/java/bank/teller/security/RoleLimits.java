package bank.teller.security;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ReferenceData;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/**
 * How much a person may book or approve in one transaction of a kind, by role (reference data in
 * {@code role_limit}): the highest limit among their roles; no limit for callers of no listed role.
 */
@Stateless
@PermitAll
public class RoleLimits {

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;
    @Inject
    private BusinessCalendar calendar;
    @Inject
    private ReferenceData referenceData;

    /** Refuses, with ROLE_LIMIT_EXCEEDED, an amount above the caller's limit for {@code operation}. */
    public void checkCaller(String operation, Money amount) {
        check(operation, amount, currentUser.roles());
    }

    /** The same for another person (a supervisor approving on the spot), by their roles in the database. */
    public void checkUser(String username, String operation, Money amount) {
        check(operation, amount, Roles.held(em, username));
    }

    /** Reads the limits of {@code operation} for this transaction now, before a posting locks its accounts. */
    public void prefetch(String operation) {
        limits(operation);
    }

    /** A role's limit for an operation. */
    private record Limit(String role, BigDecimal maxAmount) {
    }

    /** The limit of each role with a limit for {@code operation}, read once per version of the reference data. */
    private List<Limit> limits(String operation) {
        // reference data a posting never writes: no flush of its changes first
        return referenceData.get(calendar.referenceVersion(), "role limits", operation, () -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT role_name, max_amount FROM role_limit WHERE operation = ?1")
                    .setParameter(1, operation).setFlushMode(FlushModeType.COMMIT).getResultList();
            return rows.stream().map(row -> new Limit((String) row[0], new BigDecimal(row[1].toString()))).toList();
        });
    }

    private void check(String operation, Money amount, Collection<String> roles) {
        if (amount == null || roles.isEmpty()) {
            return;
        }
        limits(operation).stream().filter(limit -> roles.contains(limit.role()))
                .map(Limit::maxAmount)
                .max(BigDecimal::compareTo)
                .filter(limit -> amount.amount().compareTo(limit) > 0)
                .ifPresent(limit -> {
                    throw new TellerException(ErrorCode.ROLE_LIMIT_EXCEEDED, operation,
                            Money.of(limit, Money.CNY).toPlainString());
                });
    }
}
