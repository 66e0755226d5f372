package bank.teller.shared;

import bank.teller.platform.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;

/**
 * The bank's business date (营业日期), which is not the calendar date: it is rolled by end of day.
 * Domain code asks this calendar and never calls {@code LocalDate.now()}. Within one transaction
 * the date is read once: a posting asks for it several times and must see one date throughout.
 * The same statement reads the version of the reference data ({@link ReferenceData}).
 */
@ApplicationScoped
public class BusinessCalendar {

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private Jdbc jdbc;

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
            // read without JPA: nothing this transaction wrote can change it, so no flush first
            return jdbc.query("SELECT business_date, reference_version FROM business_day WHERE id = 1",
                    row -> new Day(row.getObject(1, LocalDate.class), row.getLong(2))).get(0);
        });
    }
}
