package bank.teller.voucher.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.LocalDate;

/**
 * Voucher sequences per branch, business date and till. The next number is taken under the
 * counter row's lock inside the posting's transaction, so it is unique and without gaps; the
 * posting takes it last, to hold that lock only until its commit.
 */
@Stateless
@PermitAll
public class VoucherSequences {

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Resource
    private SessionContext context;

    /** The next sequence number for the till today, locked until the caller's transaction ends. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int next(String branchCode, LocalDate businessDate, String tillCode) {
        if (increment(branchCode, businessDate, tillCode) == 0) {
            context.getBusinessObject(VoucherSequences.class).create(branchCode, businessDate, tillCode);
            increment(branchCode, businessDate, tillCode);
        }
        return ((Number) em.createNativeQuery("SELECT last_value FROM voucher_sequence "
                        + "WHERE branch_code = ?1 AND business_date = ?2 AND till_code = ?3")
                .setParameter(1, branchCode).setParameter(2, businessDate).setParameter(3, tillCode)
                .getSingleResult()).intValue();
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

    private int increment(String branchCode, LocalDate businessDate, String tillCode) {
        return em.createNativeQuery("UPDATE voucher_sequence SET last_value = last_value + 1 "
                        + "WHERE branch_code = ?1 AND business_date = ?2 AND till_code = ?3")
                .setParameter(1, branchCode).setParameter(2, businessDate).setParameter(3, tillCode)
                .executeUpdate();
    }
}
