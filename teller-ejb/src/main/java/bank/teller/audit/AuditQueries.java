package bank.teller.audit;

import bank.teller.security.Roles;
import bank.teller.shared.Csv;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/** Searching the audit trail (by user, subject such as an account, action and time) and exporting it. */
@Stateless
@RolesAllowed(Roles.AUDITOR)
public class AuditQueries {

    public static final int MAX_EXPORT = 100_000;

    /** What to look for; every part optional. {@code subject} matches records about an account, a user, an id. */
    public record Filter(String actor, String subject, String action, Instant from, Instant to) {
    }

    public record AuditView(long id, String chain, Long chainSeq, Instant occurredAt, String actor, String roles,
                            String branchCode, String terminal, String action, String subject, String detail,
                            String result, String hash) {
        static AuditView of(AuditRecord r) {
            return new AuditView(r.id(), r.chain(), r.chainSeq(), r.occurredAt(), r.actor(), r.roles(), r.branchCode(),
                    r.terminal(), r.action(), r.subject(), r.detail(), r.result(), r.hash());
        }
    }

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @EJB
    private AuditTrail trail;

    public List<AuditView> search(Filter filter, int first, int max) {
        return query(filter, AuditRecord.class, "SELECT r").setFirstResult(Math.max(0, first))
                .setMaxResults(Math.min(Math.max(1, max), 500)).getResultList().stream().map(AuditView::of).toList();
    }

    public long count(Filter filter) {
        return query(filter, Long.class, "SELECT COUNT(r)").getSingleResult();
    }

    /** The matching records as CSV (newest first); the export itself is recorded in the trail. */
    public String exportCsv(Filter filter) {
        long count = count(filter);
        if (count > MAX_EXPORT) {
            throw new TellerException(ErrorCode.EXPORT_TOO_LARGE, count, MAX_EXPORT);
        }
        List<AuditRecord> records = query(filter, AuditRecord.class, "SELECT r").setMaxResults(MAX_EXPORT).getResultList();
        String csv = Csv.text(CSVFormat.DEFAULT.builder().setHeader("id", "occurred_at_utc", "actor", "roles", "branch",
                "terminal", "action", "subject", "detail", "result", "chain", "chain_seq", "hash").get(), row -> {
            for (AuditRecord r : records) {
                row.print(r.id(), r.occurredAt(), r.actor(), r.roles(), r.branchCode(), r.terminal(), r.action(),
                        r.subject(), r.detail(), r.result(), r.chain(), r.chainSeq(), r.hash());
            }
        });
        trail.record("AUDIT_EXPORT", null, describe(filter) + "; records=" + count, AuditEvent.SUCCESS);
        return csv;
    }

    private <T> TypedQuery<T> query(Filter f, Class<T> type, String select) {
        StringBuilder jpql = new StringBuilder(select + " FROM AuditRecord r WHERE 1 = 1");
        if (present(f.actor())) {
            jpql.append(" AND r.actor = :actor");
        }
        if (present(f.subject())) {
            jpql.append(" AND r.subject = :subject");
        }
        if (present(f.action())) {
            jpql.append(" AND r.action = :action");
        }
        if (f.from() != null) {
            jpql.append(" AND r.occurredAt >= :from");
        }
        if (f.to() != null) {
            jpql.append(" AND r.occurredAt < :to");
        }
        if (type == AuditRecord.class) {
            jpql.append(" ORDER BY r.occurredAt DESC, r.id DESC");
        }
        TypedQuery<T> query = em.createQuery(jpql.toString(), type);
        if (present(f.actor())) {
            query.setParameter("actor", f.actor().strip());
        }
        if (present(f.subject())) {
            query.setParameter("subject", f.subject().strip());
        }
        if (present(f.action())) {
            query.setParameter("action", f.action().strip());
        }
        if (f.from() != null) {
            query.setParameter("from", f.from());
        }
        if (f.to() != null) {
            query.setParameter("to", f.to());
        }
        return query;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String describe(Filter f) {
        return "actor=" + f.actor() + " subject=" + f.subject() + " action=" + f.action() + " from=" + f.from()
                + " to=" + f.to();
    }
}
