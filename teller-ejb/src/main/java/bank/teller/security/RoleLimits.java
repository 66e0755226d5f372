package bank.teller.security;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import bank.teller.shared.TransactionMemo;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
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

    @EJB
    private CurrentUser currentUser;

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

    /** Role and limit of each role with a limit for {@code operation}, read once per transaction. */
    private List<Object[]> limits(String operation) {
        // reference data a posting never writes: no flush of its changes first
        @SuppressWarnings("unchecked")
        List<Object[]> rows = TransactionMemo.get("role limits", operation, () -> em.createNativeQuery(
                        "SELECT role_name, max_amount FROM role_limit WHERE operation = ?1")
                .setParameter(1, operation).setFlushMode(FlushModeType.COMMIT).getResultList());
        return rows;
    }

    private void check(String operation, Money amount, Collection<String> roles) {
        if (amount == null || roles.isEmpty()) {
            return;
        }
        limits(operation).stream().filter(row -> roles.contains((String) row[0]))
                .map(row -> new BigDecimal(row[1].toString()))
                .max(BigDecimal::compareTo)
                .filter(limit -> amount.amount().compareTo(limit) > 0)
                .ifPresent(limit -> {
                    throw new TellerException(ErrorCode.ROLE_LIMIT_EXCEEDED, operation,
                            Money.of(limit, Money.CNY).toPlainString());
                });
    }
}
