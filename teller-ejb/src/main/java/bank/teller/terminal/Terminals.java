package bank.teller.terminal;

import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.platform.Branches;
import bank.teller.platform.Jdbc;
import bank.teller.security.ApiClients;
import bank.teller.security.AppUser;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import bank.teller.till.application.TillView;
import bank.teller.till.application.Tills;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The self-service terminals of the bank (自助终端): an administrator registers one to a branch (its
 * system user with an API key, shown once, and its till code: the cash box is a till of the branch);
 * a supervisor of the branch loads its box from the vault, takes cash back to the vault and counts the
 * box ({@link Tills#moveTerminalCash}, {@link Tills#countTerminal}); a difference is booked as for any
 * till.
 */
@Stateless
@RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
public class Terminals {

    public static final List<String> KINDS = List.of("ATM", "CDM", "KIOSK");

    /** A terminal and its cash box now (null when no session is unfinished). */
    public record TerminalView(String terminalId, String branchCode, String tillCode, String kind, String username,
                               String description, Instant registeredAt, TillView cashBox) {
    }

    /** A terminal registered, with its API key: shown this once. */
    public record Registered(TerminalView terminal, String apiKey) {
    }

    @PersistenceContext(unitName = "teller")
    private EntityManager em;
    @EJB
    private ApiClients apiClients;
    @EJB
    private Tills tills;
    @EJB
    private AuditTrail audit;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private Jdbc jdbc;
    @Inject
    private Branches branches;

    private final Clock clock = Clock.systemUTC();

    /** Registers a terminal of {@code kind} (ATM, CDM or KIOSK) at the branch, its till code a letter and two digits. */
    @RolesAllowed(Roles.ADMIN)
    public Registered register(String branchCode, String tillCode, String kind, String description) {
        if (!branches.exists(branchCode)) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "branchCode", Objects.toString(branchCode));
        }
        if (tillCode == null || !tillCode.matches("[A-Z][0-9]{2}")) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "tillCode", Objects.toString(tillCode));
        }
        if (!KINDS.contains(kind)) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "kind", Objects.toString(kind));
        }
        String terminalId = branchCode + tillCode;
        if (!jdbc.query("SELECT 1 FROM terminal WHERE terminal_id = ?", row -> 1, terminalId).isEmpty()
                || !jdbc.query("SELECT 1 FROM app_user WHERE branch_code = ? AND till_code = ?", row -> 1, branchCode,
                tillCode).isEmpty()) {
            throw new TellerException(ErrorCode.TERMINAL_EXISTS, terminalId);
        }
        String username = "terminal-" + terminalId.toLowerCase(Locale.ROOT);
        ApiClients.IssuedKey key = apiClients.issue(username, description, Set.of(Roles.TERMINAL), branchCode, tillCode);
        jdbc.update("INSERT INTO terminal (terminal_id, branch_code, till_code, kind, username, description, registered_by, "
                + "registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", terminalId, branchCode, tillCode, kind, username,
                em.find(AppUser.class, username).displayName(), currentUser.name(), StoredTime.now(clock));
        audit.record("TERMINAL_REGISTERED", "terminal:" + terminalId, kind + " at " + branchCode + ", till " + tillCode
                + ", user " + username + ", key " + key.keyId(), AuditEvent.SUCCESS);
        return new Registered(terminal(terminalId), key.apiKey());
    }

    /** The terminals of the caller's branch (every branch's for administrators and auditors). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TerminalView> list() {
        AppUser caller = currentUser.get();
        boolean all = !currentUser.roles().contains(Roles.SUPERVISOR);
        return jdbc.query("SELECT terminal_id FROM terminal" + (all ? "" : " WHERE branch_code = ?")
                + " ORDER BY terminal_id", row -> row.getString(1), all ? new Object[0]
                : new Object[] {caller.branchCode()}).stream().map(this::terminal).toList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TerminalView terminal(String terminalId) {
        List<TerminalView> found = jdbc.query("SELECT terminal_id, branch_code, till_code, kind, username, description, "
                + "registered_at FROM terminal WHERE terminal_id = ?", row -> new TerminalView(row.getString(1),
                row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                StoredTime.instant(row.getObject(7)), null), terminalId);
        if (found.isEmpty()) {
            throw new TellerException(ErrorCode.TERMINAL_NOT_FOUND, terminalId);
        }
        TerminalView terminal = found.get(0);
        return new TerminalView(terminal.terminalId(), terminal.branchCode(), terminal.tillCode(), terminal.kind(),
                terminal.username(), terminal.description(), terminal.registeredAt(), tills.terminalBox(userOf(terminal)));
    }

    /** Cash from the vault into the terminal's box (加钞). */
    @RolesAllowed(Roles.SUPERVISOR)
    public TillView load(String terminalId, String amount, String requestId) {
        return tills.moveTerminalCash(userOf(terminal(terminalId)), true, amount, requestId);
    }

    /** Cash from the terminal's box back to the vault (清机). */
    @RolesAllowed(Roles.SUPERVISOR)
    public TillView unload(String terminalId, String amount, String requestId) {
        return tills.moveTerminalCash(userOf(terminal(terminalId)), false, amount, requestId);
    }

    /** The box counted by denomination: closed when it agrees, else its difference waits to be booked. */
    @RolesAllowed(Roles.SUPERVISOR)
    public TillView count(String terminalId, Map<String, Integer> pieces, String requestId) {
        return tills.countTerminal(userOf(terminal(terminalId)), pieces, requestId);
    }

    private AppUser userOf(TerminalView terminal) {
        return em.find(AppUser.class, terminal.username());
    }
}
