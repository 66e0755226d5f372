package bank.teller.shared;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;

/**
 * The bank's business date (营业日期), which is not the calendar date: it is rolled by end of day.
 * Domain code asks this calendar and never calls {@code LocalDate.now()}. Within one transaction
 * the date is read once: a posting asks for it several times and must see one date throughout.
 */
@Stateless
@PermitAll
public class BusinessCalendar {

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    public LocalDate today() {
        return TransactionMemo.get("business date", 1, () -> {
            // nothing this transaction wrote can change it: no flush of pending changes first
            Object value = em.createNativeQuery("SELECT business_date FROM business_day WHERE id = 1")
                    .setFlushMode(FlushModeType.COMMIT).getSingleResult();
            return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
        });
    }
}
