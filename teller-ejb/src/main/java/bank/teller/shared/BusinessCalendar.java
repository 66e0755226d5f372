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
 * The same statement reads the version of the reference data ({@link ReferenceData}).
 */
@Stateless
@PermitAll
public class BusinessCalendar {

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    private record Day(LocalDate date, long referenceVersion) {
    }

    public LocalDate today() {
        return day().date();
    }

    /** The version of the reference data this transaction sees. */
    public long referenceVersion() {
        return day().referenceVersion();
    }

    /** Records, in the caller's transaction, that reference data changed: every server reads it anew. */
    public void referenceChanged() {
        em.createNativeQuery("UPDATE business_day SET reference_version = reference_version + 1 WHERE id = 1")
                .executeUpdate();
    }

    private Day day() {
        return TransactionMemo.get("business date", 1, () -> {
            // nothing this transaction wrote can change it: no flush of pending changes first
            Object[] row = (Object[]) em.createNativeQuery(
                            "SELECT business_date, reference_version FROM business_day WHERE id = 1")
                    .setFlushMode(FlushModeType.COMMIT).getSingleResult();
            LocalDate date = row[0] instanceof java.sql.Date sqlDate ? sqlDate.toLocalDate() : (LocalDate) row[0];
            return new Day(date, ((Number) row[1]).longValue());
        });
    }
}
