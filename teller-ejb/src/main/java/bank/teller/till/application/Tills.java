package bank.teller.till.application;

import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.calendar.application.BusinessDays;
import bank.teller.ledger.application.Ledger;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.ledger.domain.Side;
import bank.teller.platform.Jdbc;
import bank.teller.security.AppUser;
import bank.teller.security.Caller;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.Pdfs;
import bank.teller.shared.RequestIds;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import bank.teller.till.domain.BlankVoucher;
import bank.teller.till.domain.CashCount;
import bank.teller.till.domain.TillReport;
import bank.teller.till.domain.TillSession;
import bank.teller.till.domain.TillStatus;
import bank.teller.till.domain.VaultTransfer;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tills (尾箱) and the vault: a teller opens their till for the business date (the previous session
 * closed; the opening cash is what the last close counted), every posting that moves till cash goes
 * through the open session (and a payout must be covered by the till), cash moves between vault and
 * till only when the vault keeper confirms, and the day ends with a count by denomination; a
 * difference is booked only by a supervisor other than the teller, with a note.
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR})
public class Tills {

    @EJB
    private AuditTrail audit;

    public static final String OPEN = "TILL_OPEN";
    public static final String COUNT = "TILL_COUNT";
    public static final String VARIANCE = "TILL_VARIANCE";
    public static final String RECOUNT = "TILL_RECOUNT";
    public static final String VAULT_REQUEST = "VAULT_TRANSFER_REQUEST";
    public static final String VAULT_DECISION = "VAULT_TRANSFER_DECISION";
    public static final String TERMINAL_LOAD = "TERMINAL_CASH_LOAD";
    public static final String TERMINAL_UNLOAD = "TERMINAL_CASH_UNLOAD";

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    private Ledger ledger;
    @EJB
    private RequestIds requestIds;
    @EJB
    private BusinessDays businessDays;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private BusinessCalendar calendar;
    @Inject
    private Jdbc jdbc;

    /** Opens the caller's till for today. */
    public TillView open(String requestId) {
        AppUser teller = currentUser.get();
        return requestIds.once(requestId, OPEN, teller.username() + "|" + calendar.today(),
                id -> view(require(Long.parseLong(id))), now -> view(open(teller, now)),
                view -> String.valueOf(view.sessionId()));
    }

    /**
     * Opens a till session as the given user; for start-up data, where nobody is signed in. The
     * same rules as {@link #open(String)}.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public TillSession open(AppUser teller, Instant now) {
        if (teller.tillCode() == null) {
            throw new TellerException(ErrorCode.TILL_NOT_ASSIGNED, teller.username());
        }
        businessDays.requireOpen(teller.branchCode());
        unfinishedSessionOf(teller.username()).ifPresent(s -> {
            throw new TellerException(ErrorCode.TILL_ALREADY_OPEN, s.tillCode(), s.businessDate(), s.status());
        });
        List<TillSession> earlier = em.createQuery("SELECT s FROM TillSession s WHERE s.branchCode = :branch "
                        + "AND s.tillCode = :till ORDER BY s.businessDate DESC", TillSession.class)
                .setParameter("branch", teller.branchCode()).setParameter("till", teller.tillCode())
                .setMaxResults(1).getResultList();
        if (!earlier.isEmpty() && earlier.get(0).businessDate().equals(calendar.today())) {
            throw new TellerException(ErrorCode.TILL_SESSION_EXISTS, teller.tillCode(), calendar.today());
        }
        Money opening = earlier.isEmpty() ? Money.zero(Money.CNY) : earlier.get(0).countedCash();
        TillSession session = new TillSession(teller.branchCode(), teller.tillCode(), teller.username(),
                calendar.today(), opening, now);
        em.persist(session);
        em.flush();
        return session;
    }

    /** The caller's open (or pending) till session, or null. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TillView current() {
        return unfinishedSessionOf(currentUser.get().username()).map(this::view).orElse(null);
    }

    /**
     * The session a posting with these lines goes through: none when they move no till cash;
     * otherwise the caller's open till, which must hold what the posting pays out. Every cash
     * movement locks the session first and checks the state of the locked row: a count that closes
     * the till then waits for the posting's commit (and counts it), or the posting waits for the
     * count and finds the till closed; and two payouts cannot both spend the same cash.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Long sessionFor(List<PostingLine> lines) {
        Money net = tillCashChange(lines);
        if (net == null) {
            return null;
        }
        Caller teller = currentUser.caller();
        LockedSession session = jdbc.query("SELECT id, till_code, status, opening_cash FROM till_session "
                        + "WHERE teller = ? AND status <> ? FOR UPDATE", row -> new LockedSession(row.getLong(1),
                        row.getString(2), TillStatus.valueOf(row.getString(3)), row.getBigDecimal(4)),
                teller.username(), TillStatus.CLOSED).stream().findFirst()
                .orElseThrow(() -> new TellerException(ErrorCode.TILL_NOT_OPEN, teller.tillCode(), "NONE"));
        TillSession.requireOpen(session.tillCode(), session.status());
        if (net.amount().signum() < 0) {
            requireTillCovers(session.tillCode(), position(session.id(), session.openingCash()),
                    net.amount().negate());
        }
        return session.id();
    }

    /** A teller's unfinished session as a posting locks it: read with one statement, without JPA (issue 14). */
    private record LockedSession(long id, String tillCode, TillStatus status, BigDecimal openingCash) {
    }

    /** The teller asks for cash from the vault (TO_TILL) or hands cash back (TO_VAULT). */
    public VaultTransferView requestVaultTransfer(String direction, String amount, String requestId) {
        Money money = Money.parse(amount, Money.CNY).requirePositive();
        return requestIds.once(requestId, VAULT_REQUEST, direction + "|" + money,
                id -> VaultTransferView.of(requireTransfer(Long.parseLong(id))), now -> {
                    TillSession session = openSessionOfCaller();
                    VaultTransfer transfer = new VaultTransfer(session.id(), direction, money,
                            currentUser.get().username(), now);
                    em.persist(transfer);
                    em.flush();
                    return VaultTransferView.of(transfer);
                }, view -> String.valueOf(view.id()));
    }

    /** The vault keeper hands over or takes the cash: the transfer is posted (Dr till / Cr vault or back). */
    @RolesAllowed(Roles.SUPERVISOR)
    public VaultTransferView confirmVaultTransfer(long transferId, String requestId) {
        return decide(transferId, requestId, true);
    }

    @RolesAllowed(Roles.SUPERVISOR)
    public VaultTransferView rejectVaultTransfer(long transferId, String requestId) {
        return decide(transferId, requestId, false);
    }

    private VaultTransferView decide(long transferId, String requestId, boolean confirm) {
        return requestIds.once(requestId, VAULT_DECISION, transferId + "|" + confirm,
                id -> VaultTransferView.of(requireTransfer(transferId)), now -> {
                    VaultTransfer transfer = em.find(VaultTransfer.class, transferId, LockModeType.PESSIMISTIC_WRITE);
                    if (transfer == null) {
                        throw new TellerException(ErrorCode.VAULT_TRANSFER_NOT_FOUND, transferId);
                    }
                    AppUser keeper = currentUser.get();
                    TillSession till = em.find(TillSession.class, transfer.sessionId());
                    keeper.requireBranch(till.branchCode());
                    transfer.requireDecidableBy(keeper.username());
                    if (!confirm) {
                        transfer.rejected(keeper.username(), now);
                        return VaultTransferView.of(transfer);
                    }
                    TillSession session = em.find(TillSession.class, transfer.sessionId(), LockModeType.PESSIMISTIC_WRITE);
                    JournalEntry entry = moveCash(session, VaultTransfer.TO_TILL.equals(transfer.direction()),
                            transfer.amount(), keeper.username(), requestId, now);
                    transfer.confirmed(keeper.username(), entry.id(), now);
                    return VaultTransferView.of(transfer);
                }, view -> String.valueOf(view.id()));
    }

    /**
     * A self-service terminal's cash box (自助设备加钞/清机), worked by a supervisor of its branch: cash
     * loaded from the vault ({@code toBox}: Dr till cash / Cr vault, the box's session of today opened
     * first when none is) or taken back to the vault (covered by what the box holds). The box is the
     * terminal's till: the same session, the same journal lines, the same count and variance.
     */
    @RolesAllowed(Roles.SUPERVISOR)
    public TillView moveTerminalCash(AppUser terminal, boolean toBox, String amount, String requestId) {
        Money money = Money.parse(amount, Money.CNY).requirePositive();
        AppUser keeper = currentUser.get();
        keeper.requireBranch(terminal.branchCode());
        return requestIds.once(requestId, toBox ? TERMINAL_LOAD : TERMINAL_UNLOAD, terminal.username() + "|" + money,
                id -> view(require(Long.parseLong(id))), now -> {
                    TillSession session = unfinishedSessionOf(terminal.username(), LockModeType.PESSIMISTIC_WRITE)
                            .orElseGet(() -> toBox ? open(terminal, now) : null);
                    if (session == null) {
                        throw new TellerException(ErrorCode.TILL_NOT_OPEN, terminal.tillCode(), TillStatus.CLOSED);
                    }
                    moveCash(session, toBox, money, keeper.username(), requestId, now);
                    return view(session);
                }, view -> String.valueOf(view.sessionId()));
    }

    /**
     * A supervisor counts a terminal's cash box, by denomination: the box's session closes when the
     * count agrees with its books, else the difference waits to be booked ({@link #approveVariance}).
     */
    @RolesAllowed(Roles.SUPERVISOR)
    public TillView countTerminal(AppUser terminal, Map<String, Integer> pieces, String requestId) {
        CashCount count = CashCount.of(pieces);
        currentUser.get().requireBranch(terminal.branchCode());
        return requestIds.once(requestId, COUNT, terminal.username() + "|" + count.detail(),
                id -> view(require(Long.parseLong(id))), now -> {
                    TillSession session = unfinishedSessionOf(terminal.username(), LockModeType.PESSIMISTIC_WRITE)
                            .orElseThrow(() -> new TellerException(ErrorCode.TILL_NOT_OPEN, terminal.tillCode(), TillStatus.CLOSED));
                    session.count(count, position(session), now);
                    return view(session);
                }, view -> String.valueOf(view.sessionId()));
    }

    /** A terminal's cash box now: its unfinished session, or null. */
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TillView terminalBox(AppUser terminal) {
        return unfinishedSessionOf(terminal.username()).map(this::view).orElse(null);
    }

    /**
     * Moves cash between the vault and the (locked, open) session's till — Dr till cash / Cr vault, or
     * back — covered by what the vault or the till holds.
     */
    private JournalEntry moveCash(TillSession session, boolean toTill, Money amount, String by, String requestId,
                                  Instant now) {
        session.requireOpen();
        if (toTill) {
            Money vault = vaultPosition(session.branchCode());
            if (vault.compareTo(amount) < 0) {
                throw new TellerException(ErrorCode.VAULT_CASH_SHORT, session.branchCode(), vault.toPlainString(),
                        amount.toPlainString());
            }
        } else {
            requireTillCovers(session, amount.amount());
        }
        return ledger.post(JournalEntry.balanced(toTill ? "VAULT_TO_TILL" : "TILL_TO_VAULT", calendar.today(),
                session.branchCode(), by, requestId, now, List.of(
                        PostingLine.gl(toTill ? GlCodes.TILL_CASH : GlCodes.VAULT_CASH, Side.DEBIT, amount),
                        PostingLine.gl(toTill ? GlCodes.VAULT_CASH : GlCodes.TILL_CASH, Side.CREDIT, amount)))
                .throughTill(session.id()));
    }

    /**
     * The teller's count at close, by denomination. When it agrees with the books the till is
     * closed; otherwise the difference waits for a supervisor.
     */
    public TillView count(Map<String, Integer> pieces, String requestId) {
        CashCount count = CashCount.of(pieces);
        return requestIds.once(requestId, COUNT, count.detail(), id -> view(require(Long.parseLong(id))), now -> {
            TillSession session = lockedOpenSessionOfCaller();
            session.count(count, position(session), now);
            return view(session);
        }, view -> String.valueOf(view.sessionId()));
    }

    /**
     * A supervisor (not the till's teller) books the difference — a shortage (短款: Dr cash
     * shortage / Cr till cash) or an overage (长款: Dr till cash / Cr cash overage) — with a note,
     * and the till is closed.
     */
    @RolesAllowed(Roles.SUPERVISOR)
    public TillView approveVariance(long sessionId, String note, String requestId) {
        String validNote = Text.required("note", note, TillSession.NOTE_MAX);
        return requestIds.once(requestId, VARIANCE, String.valueOf(sessionId), id -> view(require(sessionId)), now -> {
            TillSession session = lock(sessionId);
            AppUser supervisor = currentUser.get();
            supervisor.requireBranch(session.branchCode());
            Money difference = session.difference();
            if (session.status() != TillStatus.PENDING_VARIANCE || difference == null) {
                throw new TellerException(ErrorCode.TILL_NOT_PENDING, session.tillCode(), session.status());
            }
            if (supervisor.username().equals(session.teller())) {
                throw new TellerException(ErrorCode.CHECKER_IS_MAKER, supervisor.username());
            }
            boolean shortage = difference.amount().signum() < 0;
            Money amount = shortage ? Money.zero(Money.CNY).minus(difference) : difference;
            JournalEntry entry = ledger.post(JournalEntry.balanced(shortage ? "CASH_SHORTAGE" : "CASH_OVERAGE",
                    calendar.today(), session.branchCode(), supervisor.username(), requestId, now, List.of(
                            PostingLine.gl(shortage ? GlCodes.CASH_SHORTAGE : GlCodes.TILL_CASH, Side.DEBIT, amount),
                            PostingLine.gl(shortage ? GlCodes.TILL_CASH : GlCodes.CASH_OVERAGE, Side.CREDIT, amount)))
                    .throughTill(session.id()));
            session.varianceBooked(supervisor.username(), validNote, entry.id(), now);
            return view(session);
        }, view -> String.valueOf(view.sessionId()));
    }

    /** A supervisor sends a disputed count back: the till is open again and the teller counts anew. */
    @RolesAllowed(Roles.SUPERVISOR)
    public TillView recount(long sessionId, String note, String requestId) {
        String validNote = Text.required("note", note, TillSession.NOTE_MAX);
        return requestIds.once(requestId, RECOUNT, String.valueOf(sessionId), id -> view(require(sessionId)), now -> {
            TillSession session = lock(sessionId);
            AppUser supervisor = currentUser.get();
            supervisor.requireBranch(session.branchCode());
            session.recount(supervisor.username(), validNote);
            return view(session);
        }, view -> String.valueOf(view.sessionId()));
    }

    /** The vault and every till of the supervisor's branch today, with the transfers waiting for the vault keeper. */
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public BranchCash branchCash() {
        String branch = currentUser.get().branchCode();
        List<TillView> tills = branchTills();
        List<VaultTransferView> pending = em.createQuery("SELECT t FROM VaultTransfer t, TillSession s "
                        + "WHERE t.sessionId = s.id AND s.branchCode = :branch AND t.status = 'REQUESTED' ORDER BY t.id",
                        VaultTransfer.class)
                .setParameter("branch", branch).getResultList().stream().map(VaultTransferView::of).toList();
        return new BranchCash(branch, vaultPosition(branch).toPlainString(), tills, pending);
    }

    /** Every till session of the supervisor's branch today, with the cash it holds. */
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TillView> branchTills() {
        return em.createQuery("SELECT s FROM TillSession s WHERE s.branchCode = :branch "
                        + "AND s.businessDate = :today ORDER BY s.tillCode", TillSession.class)
                .setParameter("branch", currentUser.get().branchCode()).setParameter("today", calendar.today())
                .getResultList().stream().map(this::view).toList();
    }

    /**
     * The close report (尾箱轧账单) of a session as PDF: every cash movement, the count, and the
     * till's blank vouchers (held, and used or spoiled since it opened). For the
     * session's teller and for supervisors of its branch.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public byte[] closeReport(long sessionId) {
        TillSession session = require(sessionId);
        AppUser caller = currentUser.get();
        if (!caller.username().equals(session.teller())
                && !(context.isCallerInRole(Roles.SUPERVISOR) && caller.branchCode().equals(session.branchCode()))) {
            throw new TellerException(ErrorCode.TILL_NOT_YOURS, session.tillCode(), session.teller());
        }
        audit.record("EXPORT", "till-session:" + sessionId, "till close report PDF", AuditEvent.SUCCESS);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT e.id, e.posted_at, e.entry_type, (SELECT MIN(c.account_number) "
                        + "FROM journal_line c WHERE c.entry_id = e.id), t.side, t.amount, e.teller FROM journal_entry e "
                        + "JOIN journal_line t ON t.entry_id = e.id AND t.gl_code = ?2 WHERE e.till_session_id = ?1 "
                        + "ORDER BY e.id, t.line_no")
                .setParameter(1, sessionId).setParameter(2, GlCodes.TILL_CASH).getResultList();
        List<TillReport.Movement> movements = rows.stream().map(r -> new TillReport.Movement(((Number) r[0]).longValue(),
                StoredTime.instant(r[1]), (String) r[2], (String) r[3], "DEBIT".equals(r[4]) ? "IN" : "OUT",
                Money.of(new BigDecimal(r[5].toString()), Money.CNY), (String) r[6])).toList();
        List<BlankVoucher> blankVouchers = em.createQuery("SELECT v FROM BlankVoucher v WHERE v.key.branchCode = :branch "
                        + "AND v.tillCode = :till AND (v.status = :held OR v.changedAt >= :opened) "
                        + "ORDER BY v.key.kind, v.key.serialNo", BlankVoucher.class)
                .setParameter("branch", session.branchCode()).setParameter("till", session.tillCode())
                .setParameter("held", BlankVoucher.ISSUED).setParameter("opened", session.openedAt()).getResultList();
        return TillReport.pdf(Pdfs.BANK_NAME, session, position(session), movements, blankVouchers);
    }

    /** The session's cash now: the opening cash and its entries' till-cash lines. */
    Money position(TillSession session) {
        return position(session.id(), session.openingCash().amount());
    }

    private Money position(long sessionId, BigDecimal openingCash) {
        BigDecimal moved = jdbc.query("SELECT COALESCE(SUM(CASE WHEN l.side = 'DEBIT' THEN l.amount ELSE -l.amount "
                        + "END), 0) FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id "
                        + "WHERE e.till_session_id = ? AND l.gl_code = ?", row -> row.getBigDecimal(1), sessionId,
                GlCodes.TILL_CASH).get(0);
        return Money.of(openingCash.add(moved), Money.CNY);
    }

    private Money vaultPosition(String branch) {
        BigDecimal held = (BigDecimal) em.createNativeQuery("SELECT COALESCE(SUM(CASE WHEN l.side = 'DEBIT' "
                        + "THEN l.amount ELSE -l.amount END), 0) FROM journal_line l JOIN journal_entry e "
                        + "ON e.id = l.entry_id WHERE e.branch_code = ?1 AND l.gl_code = ?2")
                .setParameter(1, branch).setParameter(2, GlCodes.VAULT_CASH).getSingleResult();
        return Money.of(held, Money.CNY);
    }

    private void requireTillCovers(TillSession session, BigDecimal payout) {
        requireTillCovers(session.tillCode(), position(session), payout);
    }

    private static void requireTillCovers(String tillCode, Money cash, BigDecimal payout) {
        if (cash.amount().compareTo(payout) < 0) {
            throw new TellerException(ErrorCode.TILL_CASH_SHORT, tillCode, cash.toPlainString(),
                    Money.of(payout, Money.CNY).toPlainString());
        }
    }

    /** Σ debit − Σ credit of the till-cash lines, or null when there are none. */
    private static Money tillCashChange(List<PostingLine> lines) {
        Money net = null;
        for (PostingLine line : lines) {
            if (GlCodes.TILL_CASH.equals(line.glCode())) {
                Money zero = Money.zero(line.amount().currency());
                net = (net == null ? zero : net).plus(line.side() == Side.DEBIT ? line.amount() : zero.minus(line.amount()));
            }
        }
        return net;
    }

    private TillSession openSessionOfCaller() {
        return openSessionOfCaller(LockModeType.NONE);
    }

    /** The caller's open session, locked: its state is checked on the locked row. */
    private TillSession lockedOpenSessionOfCaller() {
        return openSessionOfCaller(LockModeType.PESSIMISTIC_WRITE);
    }

    private TillSession openSessionOfCaller(LockModeType lock) {
        Caller teller = currentUser.caller();
        TillSession session = unfinishedSessionOf(teller.username(), lock)
                .orElseThrow(() -> new TellerException(ErrorCode.TILL_NOT_OPEN, teller.tillCode(), "NONE"));
        session.requireOpen();
        return session;
    }

    private Optional<TillSession> unfinishedSessionOf(String teller) {
        return unfinishedSessionOf(teller, LockModeType.NONE);
    }

    /** Read and locked in the one statement where a lock is wanted (the state is then checked on the locked row). */
    private Optional<TillSession> unfinishedSessionOf(String teller, LockModeType lock) {
        return em.createQuery("SELECT s FROM TillSession s WHERE s.teller = :teller AND s.status <> :closed",
                        TillSession.class)
                .setParameter("teller", teller).setParameter("closed", TillStatus.CLOSED)
                .setLockMode(lock).getResultStream().findFirst();
    }

    private TillSession lock(long sessionId) {
        TillSession session = em.find(TillSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (session == null) {
            throw new TellerException(ErrorCode.TILL_SESSION_NOT_FOUND, sessionId);
        }
        return session;
    }

    private TillSession require(long sessionId) {
        TillSession session = em.find(TillSession.class, sessionId);
        if (session == null) {
            throw new TellerException(ErrorCode.TILL_SESSION_NOT_FOUND, sessionId);
        }
        return session;
    }

    private VaultTransfer requireTransfer(long id) {
        VaultTransfer transfer = em.find(VaultTransfer.class, id);
        if (transfer == null) {
            throw new TellerException(ErrorCode.VAULT_TRANSFER_NOT_FOUND, id);
        }
        return transfer;
    }

    private TillView view(TillSession session) {
        return TillView.of(session, position(session).toPlainString());
    }
}
