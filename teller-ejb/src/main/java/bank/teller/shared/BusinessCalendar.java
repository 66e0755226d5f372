package bank.teller.shared;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.LocalDate;

/**
 * The bank's business date (营业日期), which is not the calendar date: it is rolled by end of day.
 * Domain code asks this calendar and never calls {@code LocalDate.now()}. Within one transaction
 * the date is read once: a posting asks for it several times and must see one date throughout.
 */
@Stateless
@PermitAll
public class BusinessCalendar {

    private static final Object KEY = BusinessCalendar.class.getName() + ".today";

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Resource
    private TransactionSynchronizationRegistry transaction;

    public LocalDate today() {
        boolean inTransaction = transaction.getTransactionStatus() == Status.STATUS_ACTIVE;
        if (inTransaction && transaction.getResource(KEY) instanceof LocalDate known) {
            return known;
        }
        // nothing this transaction wrote can change it: no flush of pending changes first
        Object value = em.createNativeQuery("SELECT business_date FROM business_day WHERE id = 1")
                .setFlushMode(FlushModeType.COMMIT).getSingleResult();
        LocalDate today = value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
        if (inTransaction) {
            transaction.putResource(KEY, today);
        }
        return today;
    }
}
