package bank.teller.calendar.application;

import bank.teller.platform.AccountRange;
import bank.teller.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;

/**
 * The products' end-of-day steps ({@link ProductStep}), by name: the boundary the batch job calls,
 * as the end-of-day system user (a supervisor).
 */
@Stateless
@RolesAllowed(Roles.SUPERVISOR)
public class EndOfDayProducts {

    @Inject
    @Any
    private Instance<ProductStep> steps;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long countDue(String step, String after, String upTo, LocalDate closing) {
        return named(step).countDue(new AccountRange(after, upTo), closing);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> duePage(String step, String after, String upTo, LocalDate closing, int max) {
        return named(step).duePage(new AccountRange(after, upTo), closing, max);
    }

    /** Processes one account, in the caller's transaction if there is one (end of day gives each its own). */
    public ProductStep.Outcome process(String step, String accountNumber, LocalDate closing) {
        return named(step).process(accountNumber, closing);
    }

    private ProductStep named(String name) {
        return steps.stream().filter(step -> step.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no end-of-day product step " + name));
    }
}
