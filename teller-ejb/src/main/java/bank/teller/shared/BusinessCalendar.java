package bank.teller.shared;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;

/**
 * The bank's business date (营业日期), which is not the calendar date: it is rolled by end of day.
 * Domain code asks this calendar and never calls {@code LocalDate.now()}.
 */
@Stateless
@PermitAll
public class BusinessCalendar {

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    public LocalDate today() {
        Object value = em.createNativeQuery("SELECT business_date FROM business_day WHERE id = 1")
                .getSingleResult();
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return (LocalDate) value;
    }
}
