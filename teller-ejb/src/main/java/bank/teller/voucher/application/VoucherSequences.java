package bank.teller.voucher.application;

import bank.teller.platform.Database;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.LocalDate;
import java.util.List;

/**
 * Voucher sequences per branch, business date and till. The next number is taken under the
 * counter row's lock inside the posting's transaction, so it is unique and without gaps; the
 * posting takes it last, to hold that lock only until its commit. One statement increments the
 * counter and answers with its new value.
 */
@Stateless
@PermitAll
public class VoucherSequences {

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Resource
    private SessionContext context;

    @EJB
    private Database database;

    /** The next sequence number for the till today, locked until the caller's transaction ends. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int next(String branchCode, LocalDate businessDate, String tillCode) {
        Integer next = increment(branchCode, businessDate, tillCode);
        if (next == null) {
            context.getBusinessObject(VoucherSequences.class).create(branchCode, businessDate, tillCode);
            next = increment(branchCode, businessDate, tillCode);
        }
        return next;
    }

    /**
     * Creates the day's counter at zero in its own transaction, committed before the posting goes on;
     * when another posting created it first, that one's row is used.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void create(String branchCode, LocalDate businessDate, String tillCode) {
        try {
            em.createNativeQuery("INSERT INTO voucher_sequence (branch_code, business_date, till_code, last_value) "
                            + "VALUES (?1, ?2, ?3, 0)")
                    .setParameter(1, branchCode).setParameter(2, businessDate).setParameter(3, tillCode)
                    .executeUpdate();
        } catch (PersistenceException createdByAnotherPosting) {
            context.setRollbackOnly();
        }
    }

    /** The counter's new value, or null if the day's counter does not exist yet. */
    private Integer increment(String branchCode, LocalDate businessDate, String tillCode) {
        List<?> values = em.createNativeQuery(database.updateReturning("UPDATE voucher_sequence SET last_value = "
                        + "last_value + 1 WHERE branch_code = ?1 AND business_date = ?2 AND till_code = ?3", "last_value"))
                .setParameter(1, branchCode).setParameter(2, businessDate).setParameter(3, tillCode)
                .getResultList();
        return values.isEmpty() ? null : ((Number) values.get(0)).intValue();
    }
}
