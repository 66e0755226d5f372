package bank.teller.voucher.application;

import bank.teller.platform.Database;
import bank.teller.platform.Jdbc;
import bank.teller.voucher.domain.Voucher;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * Voucher sequences per branch, business date and till, and the vouchers numbered from them. The
 * next number is taken under the counter row's lock inside the posting's transaction, so it is unique
 * and without gaps; the posting takes it last, to hold that lock only until its commit. On
 * PostgreSQL the counter's upsert and the voucher with the new number are two parts of one
 * data-modifying WITH, sent with the rest of the posting's writes ({@link Jdbc#together}); on H2
 * the counter answers with its new value and the voucher follows.
 */
@Stateless
@PermitAll
public class VoucherSequences {

    /** A voucher to number: the entry it is the voucher of, where and by whom, and whose accounts. */
    public record Draft(long entryId, String branchCode, LocalDate businessDate, String tillCode,
                        String accountNumber, String counterparty, String teller) {
    }

    /** The till's counter today, incremented (its three keys the first parameters). */
    private static final String INCREMENT = "UPDATE voucher_sequence SET last_value = last_value + 1 "
            + "WHERE branch_code = ? AND business_date = ? AND till_code = ?";
    private static final String COLUMNS = "voucher_no, entry_id, branch_code, business_date, till_code, sequence_no, "
            + "account_number, counterparty, teller, print_count";

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Resource
    private SessionContext context;

    @EJB
    private Database database;

    @Inject
    private Jdbc jdbc;

    /**
     * Numbers and writes the voucher of {@code draft} with the till's next number today (the counter
     * locked until the caller's transaction ends); its number, known once the statement has run: on
     * PostgreSQL at the end of the caller's {@link Jdbc#together} scope, if it has one.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Supplier<String> issue(Draft draft) {
        if (database.isPostgres()) {
            return jdbc.together(() -> issueOnPostgres(draft));
        }
        String number = tryIssue(draft);
        if (number == null) {
            context.getBusinessObject(VoucherSequences.class).create(draft.branchCode(), draft.businessDate(),
                    draft.tillCode());
            number = tryIssue(draft);
        }
        String issued = number;
        return () -> issued;
    }

    /**
     * Creates the day's counter at zero in its own transaction, committed before the posting goes on;
     * when another posting created it first, that one's row is used (H2).
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

    /**
     * The day's counter created at one or incremented (an upsert, which locks it as an UPDATE
     * would), and the voucher written with its number: two parts of the caller's one statement.
     */
    private Supplier<String> issueOnPostgres(Draft draft) {
        Jdbc.Returned counter = jdbc.writeReturning("INSERT INTO voucher_sequence "
                        + "(branch_code, business_date, till_code, last_value) VALUES (?, ?, ?, 1) "
                        + "ON CONFLICT (branch_code, business_date, till_code) "
                        + "DO UPDATE SET last_value = voucher_sequence.last_value + 1 RETURNING last_value",
                draft.branchCode(), draft.businessDate(), draft.tillCode());
        Jdbc.Returned number = jdbc.writeReturning("INSERT INTO voucher (" + COLUMNS + ") "
                        + "SELECT ? || LPAD(CAST(c.last_value AS VARCHAR), " + Voucher.SEQUENCE_DIGITS + ", '0'), "
                        + "?, ?, ?, ?, c.last_value, ?, ?, ?, 0 FROM " + counter.table() + " c RETURNING voucher_no",
                Voucher.numberPrefix(draft.branchCode(), draft.businessDate(), draft.tillCode()), draft.entryId(),
                draft.branchCode(), draft.businessDate(), draft.tillCode(), draft.accountNumber(), draft.counterparty(),
                draft.teller());
        return () -> (String) number.value();
    }

    /** The voucher's number, or null (nothing written) if the day's counter does not exist yet (H2). */
    private String tryIssue(Draft draft) {
        List<Integer> values = jdbc.query(database.updateReturning(INCREMENT, "last_value"), row -> row.getInt(1),
                draft.branchCode(), draft.businessDate(), draft.tillCode());
        if (values.isEmpty()) {
            return null;
        }
        String number = Voucher.number(draft.branchCode(), draft.businessDate(), draft.tillCode(), values.get(0));
        jdbc.update("INSERT INTO voucher (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", number,
                draft.entryId(), draft.branchCode(), draft.businessDate(), draft.tillCode(), values.get(0),
                draft.accountNumber(), draft.counterparty(), draft.teller());
        return number;
    }
}
