package bank.teller.payment.application;

import bank.teller.account.application.AccountMovements;
import bank.teller.account.application.Accounts;
import bank.teller.account.application.PostingRequests;
import bank.teller.account.application.Receipt;
import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.account.domain.Movement;
import bank.teller.approval.application.Approvals;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.ledger.domain.Side;
import bank.teller.payment.domain.ClearingOutbox;
import bank.teller.payment.domain.ClearingRoute;
import bank.teller.payment.domain.Wire;
import bank.teller.payment.domain.WireEvent;
import bank.teller.payment.domain.WireStatus;
import bank.teller.platform.Branches;
import bank.teller.platform.Jdbc;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.Pdfs;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import bank.teller.shared.TransactionNames;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Wire transfers out (电汇, 跨行汇款): the payer's account is debited at once into 汇出汇款在途 (2261),
 * with the fee, in one posting through the posting path (once per request id, a teller's large one
 * approved by policy); the wire is written with its message in the clearing outbox in the same
 * transaction, so it reaches the clearing system once it is committed (the integration context's
 * ClearingRelay sends it).
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.CHANNEL})
public class Wires {

    public static final String OPERATION = "WIRE_TRANSFER";
    /** How long a wire may wait for the clearing system's next answer before it is listed for follow-up. */
    public static final int FOLLOW_UP_MINUTES = Integer.getInteger("teller.clearing.follow-up-minutes", 30);
    private static final String ACCOUNT_PATTERN = "[0-9]{6,32}";
    private static final String BANK_PATTERN = "[0-9]{12}";

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private Accounts accounts;
    @Inject
    private AccountMovements movements;
    @EJB
    private PostingRequests postings;
    @EJB
    private Approvals approvals;
    @Inject
    private BusinessCalendar calendar;
    @Inject
    private Jdbc jdbc;
    @Inject
    private Branches branches;
    @Resource
    private SessionContext context;

    private final Clock clock = Clock.systemUTC();

    /** A wire as the counter, the API or a channel asks for it (text as typed; checked here). */
    public record Request(String payerAccount, String payeeName, String payeeAccount, String payeeBank, String amount,
                          String purpose, boolean urgent) {
    }

    /** What a wire would cost and how it would go, sending nothing: the fee, the route, the bank's name. */
    public record Quote(String amount, String fee, String total, String route, String payeeBankName) {
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Quote quote(Request request) {
        Wire.Order order = order(request);
        String bankName = requireTakesWires(order.payee().bankCode());
        Account payer = accounts.require(new AccountNumber(order.payerAccount()));
        ClearingRoute route = route(order);
        Money fee = movements.fee(OPERATION, payer, order.amount());
        return new Quote(order.amount().toPlainString(), fee.toPlainString(), order.amount().plus(fee).toPlainString(),
                route.route().name(), bankName);
    }

    public WireReceipt send(Request request, String requestId) {
        Wire.Order order = order(request);
        AccountNumber payerNumber = new AccountNumber(order.payerAccount());
        Wire.Payee payee = order.payee();
        String fingerprint = payerNumber + ">" + payee.bankCode() + "/" + payee.account() + "|" + order.amount() + "|"
                + order.urgent();
        String caller = context.getCallerPrincipal().getName();
        Receipt receipt = postings.post(OPERATION, requestId, fingerprint, payerNumber.value(), null, () -> {
            // the directory and the routes as they are now: a repeat of a request sent before answers its
            // first receipt even if they have changed since (a refusal here makes it look for one)
            requireTakesWires(payee.bankCode());
            ClearingRoute.Route route = route(order).route();
            Account payer = accounts.lockForBalanceChange(payerNumber);
            Money fee = movements.fee(OPERATION, payer, order.amount());
            movements.requireCovers(payer, order.amount().plus(fee));
            Money after = movements.debit(payer, order.amount(), Movement.TRANSFER_OTHER, requestId);
            List<PostingLine> lines = new ArrayList<>(List.of(
                    PostingLine.customer(payer.glCode(), payerNumber.value(), Side.DEBIT, order.amount(), after),
                    PostingLine.gl(GlCodes.WIRES_IN_TRANSIT, Side.CREDIT, order.amount())));
            lines.addAll(movements.chargeFee(payer, fee, requestId));
            Instant now = StoredTime.now(clock);
            Wire wire = new Wire(order, fee, route, calendar.today(), payer.branchCode(), caller, requestId, now);
            em.persist(wire);
            wire.assignReference();
            em.flush(); // the wire's row before its event's and its outbox row's, which refer to it
            em.persist(new WireEvent(wire.id(), wire.status(), null, "sent by " + route, null, now));
            em.persist(new ClearingOutbox(wire.id(), now));
            // last, so only a request that passes every check waits for a supervisor
            approvals.requireApproval(OPERATION, requestId, fingerprint, order.amount(), payerNumber.value(),
                    TransactionNames.of(OPERATION) + " " + order.amount() + " " + payerNumber + " > " + payee.name()
                            + " " + payee.account());
            return lines;
        });
        Wire wire = em.createQuery("SELECT w FROM Wire w WHERE w.requestedBy = :caller AND w.requestId = :request",
                Wire.class).setParameter("caller", caller).setParameter("request", requestId).getSingleResult();
        return new WireReceipt(receipt, view(wire));
    }

    /** A bank a wire can go to: its CNAPS code and name. */
    public record Bank(String code, String name) {
    }

    /** The banks of the clearing directory that take wires now, by name. */
    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.CHANNEL})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Bank> banks() {
        return jdbc.query("SELECT cnaps_code, name_zh FROM clearing_bank WHERE active = TRUE ORDER BY cnaps_code",
                row -> new Bank(row.getString(1), row.getString(2)));
    }

    /** The wire with its progress, by its reference (WIRE_NOT_FOUND). */
    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.CHANNEL})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public WireView wire(String reference) {
        return view(em.createQuery("SELECT w FROM Wire w WHERE w.reference = :reference", Wire.class)
                .setParameter("reference", reference == null ? "" : reference.strip()).getResultStream().findFirst()
                .orElseThrow(() -> new TellerException(ErrorCode.WIRE_NOT_FOUND, reference)));
    }

    /** A wire by its reference (W...), or else the wires of the payer's account the text names. */
    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.CHANNEL})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<WireView> search(String text) {
        String query = text == null ? "" : text.strip();
        return query.startsWith("W") ? List.of(wire(query)) : ofAccount(query, 50);
    }

    /** The account's wires, the latest first (at most {@code max}). */
    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.CHANNEL})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<WireView> ofAccount(String account, int max) {
        AccountNumber number = accounts.resolve(account);
        return em.createQuery("SELECT w FROM Wire w WHERE w.payerAccount = :account ORDER BY w.id DESC", Wire.class)
                .setParameter("account", number.value()).setMaxResults(Math.max(1, Math.min(max, 200)))
                .getResultList().stream().map(this::view).toList();
    }

    /**
     * The wires in flight (submitted or accepted) that have heard nothing from the clearing system for
     * {@code teller.clearing.follow-up-minutes} (30): for a supervisor to follow up with clearing.
     * Nothing is ever sent again by itself: a second message could pay twice.
     */
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<WireView> awaitingFollowUp() {
        Instant before = StoredTime.now(clock).minus(Duration.ofMinutes(FOLLOW_UP_MINUTES));
        return em.createQuery("SELECT w FROM Wire w WHERE w.status IN :inFlight AND w.updatedAt < :before "
                        + "ORDER BY w.updatedAt", Wire.class)
                .setParameter("inFlight", Arrays.stream(WireStatus.values()).filter(WireStatus::inFlight).toList())
                .setParameter("before", before).setMaxResults(500).getResultList().stream().map(this::view).toList();
    }

    WireView view(Wire wire) {
        List<WireEvent> events = em.createQuery("SELECT e FROM WireEvent e WHERE e.wireId = :wire ORDER BY e.id",
                WireEvent.class).setParameter("wire", wire.id()).getResultList();
        return WireView.of(wire, bankName(wire.payee().bankCode()), events);
    }

    /** The request checked: every field present and well formed. */
    private Wire.Order order(Request request) {
        AccountNumber payer = accounts.resolve(Text.required("payerAccount", request.payerAccount(), 19));
        if (branches.trainingAccount(payer.value())) { // clearing is another bank's: training never reaches it
            throw new TellerException(ErrorCode.TRAINING_UNAVAILABLE, OPERATION);
        }
        String name = Text.required("payeeName", request.payeeName(), Wire.NAME_MAX);
        String account = Text.required("payeeAccount", request.payeeAccount(), 40).replace(" ", "");
        if (!account.matches(ACCOUNT_PATTERN)) {
            throw new TellerException(ErrorCode.WIRE_PAYEE_ACCOUNT_INVALID, account);
        }
        String bank = Text.required("payeeBank", request.payeeBank(), 20);
        if (!bank.matches(BANK_PATTERN)) {
            throw new TellerException(ErrorCode.WIRE_BANK_UNKNOWN, bank);
        }
        Money amount = Money.parse(Text.required("amount", request.amount(), 21), Money.CNY).requirePositive();
        String purpose = Text.required("purpose", request.purpose(), Wire.PURPOSE_MAX);
        return new Wire.Order(payer.value(), new Wire.Payee(name, account, bank), amount, purpose, request.urgent());
    }

    /** The bank's name, when the directory has it and it takes wires (WIRE_BANK_UNKNOWN, WIRE_BANK_INACTIVE). */
    private String requireTakesWires(String bank) {
        List<Object[]> known = jdbc.query("SELECT name_zh, active FROM clearing_bank WHERE cnaps_code = ?",
                row -> new Object[] {row.getString(1), row.getBoolean(2)}, bank);
        if (known.isEmpty()) {
            throw new TellerException(ErrorCode.WIRE_BANK_UNKNOWN, bank);
        }
        if (!(Boolean) known.get(0)[1]) {
            throw new TellerException(ErrorCode.WIRE_BANK_INACTIVE, bank, known.get(0)[0]);
        }
        return (String) known.get(0)[0];
    }

    /** The route the order takes now, by the routes of the reference data (WIRE_ROUTE_CLOSED, WIRE_OVER_ROUTE_LIMIT). */
    private ClearingRoute route(Wire.Order order) {
        Map<ClearingRoute.Route, ClearingRoute> routes = new EnumMap<>(ClearingRoute.Route.class);
        jdbc.query("SELECT route, opens_at, cut_off, max_amount FROM clearing_route", row -> {
            BigDecimal max = row.getBigDecimal(4);
            return new ClearingRoute(ClearingRoute.Route.valueOf(row.getString(1)), row.getObject(2, LocalTime.class),
                    row.getObject(3, LocalTime.class), max == null ? null : Money.of(max, Money.CNY));
        }).forEach(route -> routes.put(route.route(), route));
        return ClearingRoute.choose(order.amount(), order.urgent(), LocalTime.now(clock.withZone(Pdfs.BANK_ZONE)), routes);
    }

    private String bankName(String code) {
        return jdbc.query("SELECT name_zh FROM clearing_bank WHERE cnaps_code = ?", row -> row.getString(1), code)
                .stream().findFirst().orElse(null);
    }
}
