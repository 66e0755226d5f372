package bank.teller.ledger.application;

import bank.teller.integration.CorePostingRelay;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.JournalLine;
import bank.teller.platform.Branches;
import bank.teller.platform.Jdbc;
import bank.teller.platform.Metrics;
import bank.teller.platform.Trace;
import bank.teller.report.Activity;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;

/**
 * Posts balanced journal entries, each counted for the dashboards ({@link Activity}). Only ever called inside a use case's transaction (a CDI bean the
 * use case's EJB calls, without an EJB call of its own: issue 14): an entry, the balance change it
 * explains and its place in the core system's outbox commit together (the relay, {@link
 * CorePostingRelay}, sends the message after the commit).
 *
 * <p>An entry is dated today and written under the business day's shared lock ({@link
 * BusinessCalendar#postingDate}): never on a date the roll has closed.
 *
 * <p>An entry is written with four known statements (the entry, its lines in one batch, its outbox
 * row, its activity delta), not through JPA's unit of work (issue 14), sent with the posting's other writes when it
 * posts inside {@link Jdbc#together}. What the use case changed through JPA is flushed first: a
 * line may name an account opened in the same transaction.
 *
 * <p>An entry sent to the core system keeps the request id of the work that posted it ({@link Trace}) with its
 * outbox row; the relay gives it to the message. Logged at FINE (logger {@code bank.teller.ledger}), without
 * account numbers or amounts.
 *
 * <p>A training branch's entry ({@link Branches#training}) names only its own accounts and the bank's
 * only the bank's (TRAINING_SEPARATE), and it is neither sent to the core system nor counted (dashboards, {@link
 * Metrics}).
 */
@ApplicationScoped
public class Ledger {

    private static final Logger LOG = Logger.getLogger(Ledger.class.getName());

    private static final String INSERT_ENTRY = "INSERT INTO journal_entry (id, entry_type, business_date, "
            + "branch_code, teller, request_id, posted_at, request_caller, request_fingerprint, reverses_entry, "
            + "reason, adjusts_entry, till_session_id) VALUES (?, ?, %s, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_LINE = "INSERT INTO journal_line (id, entry_id, line_no, gl_code, "
            + "account_number, side, amount, currency, balance_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_OUTBOX = "INSERT INTO core_outbox (entry_id, created_at, attempts, trace_id) "
            + "VALUES (?, ?, 0, ?)";

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private Jdbc jdbc;
    @Inject
    private BusinessCalendar calendar;
    @Inject
    private Activity activity;
    @Inject
    private Branches branches;
    @Inject
    private Metrics metrics;

    public JournalEntry post(JournalEntry entry) {
        calendar.requireStill(entry.businessDate());
        boolean training = branches.training(entry.branchCode());
        for (JournalLine line : entry.lines()) {
            if (line.accountNumber() != null && branches.trainingAccount(line.accountNumber()) != training) {
                throw new TellerException(ErrorCode.TRAINING_SEPARATE, line.accountNumber());
            }
        }
        em.flush();
        entry.numbered(jdbc.nextId(JournalEntry.class), () -> jdbc.nextId(JournalLine.class));
        try {
            jdbc.write(String.format(INSERT_ENTRY, calendar.postingDate()), entry.id(), entry.type(), entry.businessDate(),
                    entry.branchCode(), entry.teller(), entry.requestId(), entry.postedAt(), entry.requestCaller(),
                    entry.requestFingerprint(), entry.reversesEntry(), entry.reason(), entry.adjustsEntry(),
                    entry.tillSessionId());
        } catch (RuntimeException failed) {
            throw calendar.postingRefused(failed, entry.businessDate());
        }
        List<Object[]> lines = entry.lines().stream().map(line -> new Object[] {line.id(), entry.id(), line.lineNo(),
                line.glCode(), line.accountNumber(), line.side(), line.amount().amount(), line.amount().currency(),
                line.balanceAfter() == null ? null : line.balanceAfter().amount()}).toList();
        jdbc.writeRows(INSERT_LINE, lines);
        if (training) {
            return entry;
        }
        if (entry.sentToCore()) {
            jdbc.write(INSERT_OUTBOX, entry.id(), entry.postedAt(), Trace.requestId());
        }
        activity.record(entry);
        metrics.posted(entry.type());
        LOG.fine(() -> "posted entry " + entry.id() + " " + entry.type() + " through " + Trace.channel());
        return entry;
    }

    public JournalEntry entry(long id) {
        return em.find(JournalEntry.class, id);
    }

    /** The entry that reversed entry {@code id} (冲正), or null. */
    public Long reversalOf(long id) {
        return em.createQuery("SELECT e.id FROM JournalEntry e WHERE e.reversesEntry = :id", Long.class)
                .setParameter("id", id).getResultStream().findFirst().orElse(null);
    }
}
