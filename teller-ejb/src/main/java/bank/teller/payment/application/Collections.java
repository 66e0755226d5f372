package bank.teller.payment.application;

import bank.teller.account.application.AccountMovements;
import bank.teller.account.application.Accounts;
import bank.teller.account.application.PostingRequests;
import bank.teller.account.application.Receipt;
import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.account.domain.AccountStatus;
import bank.teller.account.domain.Movement;
import bank.teller.approval.application.Approvals;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.customer.domain.CustomerType;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.ledger.domain.Side;
import bank.teller.payment.domain.BillList;
import bank.teller.payment.domain.CsvLines;
import bank.teller.payment.domain.CollectionAgreement;
import bank.teller.payment.domain.CollectionBill;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.Csv;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
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
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;

/**
 * Collections for companies (代收): a company's agreement names its account; its bill list (CSV) says
 * which bills it expects; a payer pays a bill at the counter in cash (Dr till cash / Cr the company)
 * or by transfer (Dr the payer / Cr the company), once per bill, through the posting path (a receipt
 * voucher; a replay of the request answers its first receipt; another payment of a paid bill is
 * refused). The company's collections of a day come as a file.
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR})
public class Collections {

    public static final String OPERATION = "COLLECTION";
    private static final int FLUSH_EVERY = 500;

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private CollectionAgreements agreements;
    @Inject
    private Accounts accounts;
    @Inject
    private AccountMovements movements;
    @EJB
    private PostingRequests postings;
    @EJB
    private Approvals approvals;
    @EJB
    private AuditTrail audit;
    @Inject
    private BusinessCalendar calendar;
    @Resource
    private SessionContext context;

    private final Clock clock = Clock.systemUTC();

    /** An agreement as a supervisor signs it: its code, the company's name, what it collects, its account. */
    public record AgreementRequest(String code, String name, String category, String companyAccount) {
    }

    /** A payment at the counter: which bill, in cash or by transfer from the payer's account. */
    public record PaymentRequest(String agreement, String billRef, String method, String payerAccount) {
    }

    /** Signs a company's agreement; asking again with the same terms answers the same agreement. */
    @RolesAllowed(Roles.SUPERVISOR)
    public CollectionViews.Agreement sign(AgreementRequest request) {
        String code = Text.required("code", request.code(), 12).toUpperCase(Locale.ROOT);
        if (!code.matches(CollectionAgreement.CODE_PATTERN)) {
            throw new TellerException(ErrorCode.COLLECTION_AGREEMENT_INVALID, code);
        }
        String name = Text.required("name", request.name(), CollectionAgreement.NAME_MAX);
        CollectionAgreement.Category category = Text.oneOf("category", request.category(),
                CollectionAgreement.Category.class);
        Account company = accounts.require(accounts.resolve(Text.required("companyAccount", request.companyAccount(), 19)));
        if (company.status() != AccountStatus.ACTIVE || company.type().isTerm()
                || company.type().customerType() != CustomerType.CORPORATE) {
            throw new TellerException(ErrorCode.COLLECTION_AGREEMENT_INVALID, company.number() + " " + company.type()
                    + " " + company.status());
        }
        String account = company.number().value();
        CollectionAgreement known = agreements.byCode(code);
        if (known != null) {
            if (!known.sameAs(name, category, account)) {
                throw new TellerException(ErrorCode.COLLECTION_AGREEMENT_EXISTS, code);
            }
            return CollectionViews.Agreement.of(known);
        }
        CollectionAgreement agreement = new CollectionAgreement(code, name, category, account,
                context.getCallerPrincipal().getName(), StoredTime.now(clock));
        em.persist(agreement);
        audit.record("COLLECTION_AGREEMENT", code, name + ", " + category + ", account " + account, AuditEvent.SUCCESS);
        return CollectionViews.Agreement.of(agreement);
    }

    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<CollectionViews.Agreement> agreements() {
        return em.createQuery("SELECT a FROM CollectionAgreement a ORDER BY a.code", CollectionAgreement.class)
                .getResultList().stream().map(CollectionViews.Agreement::of).toList();
    }

    /**
     * Loads a bill list into the agreement: each good row becomes an open bill; each bad row (and each
     * bill the agreement already has) is refused with its line and why, and the rest still loaded.
     */
    @RolesAllowed(Roles.SUPERVISOR)
    public CollectionViews.LoadReport load(String agreementCode, String csv) {
        CollectionAgreement agreement = agreements.require(agreementCode);
        CsvLines.Parsed<BillList.Bill> parsed = BillList.parse(csv);
        Set<String> known = new HashSet<>(em.createQuery("SELECT b.billRef FROM CollectionBill b "
                + "WHERE b.agreementId = :agreement", String.class).setParameter("agreement", agreement.id())
                .getResultList());
        List<CsvLines.Refusal> refused = new ArrayList<>(parsed.refused());
        Instant now = StoredTime.now(clock);
        int accepted = 0;
        for (BillList.Bill bill : parsed.items()) {
            if (!known.add(bill.billRef())) {
                refused.add(new CsvLines.Refusal(bill.line(), "BILL_DUPLICATE", bill.billRef()
                        + " is already on agreement " + agreement.code()));
                continue;
            }
            em.persist(new CollectionBill(agreement.id(), bill, now));
            if (++accepted % FLUSH_EVERY == 0) {
                em.flush();
                em.clear();
            }
        }
        refused.sort(Comparator.comparingInt(CsvLines.Refusal::line));
        audit.record("COLLECTION_BILLS_LOADED", agreement.code(), accepted + " bills loaded, " + refused.size()
                + " rows refused", AuditEvent.SUCCESS);
        return new CollectionViews.LoadReport(agreement.code(), parsed.items().size() + parsed.refused().size(), accepted,
                List.copyOf(refused));
    }

    /** The agreement's bills, open ones first, by reference; or those whose reference or payer's name {@code query} is. */
    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<CollectionViews.Bill> bills(String agreementCode, String query, int max) {
        CollectionAgreement agreement = agreements.require(agreementCode);
        String text = query == null ? "" : query.strip();
        TypedQuery<CollectionBill> bills = text.isEmpty()
                ? em.createQuery("SELECT b FROM CollectionBill b WHERE b.agreementId = :agreement "
                        + "ORDER BY b.status, b.billRef", CollectionBill.class)
                : em.createQuery("SELECT b FROM CollectionBill b WHERE b.agreementId = :agreement AND "
                        + "(b.billRef = :text OR b.payerName = :text) ORDER BY b.status, b.billRef", CollectionBill.class)
                        .setParameter("text", text);
        return bills.setParameter("agreement", agreement.id())
                .setMaxResults(Math.max(1, Math.min(max, 500))).getResultList().stream()
                .map(bill -> CollectionViews.Bill.of(agreement.code(), bill)).toList();
    }

    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public CollectionViews.Bill bill(String agreementCode, String billRef) {
        CollectionAgreement agreement = agreements.require(agreementCode);
        return CollectionViews.Bill.of(agreement.code(), bill(agreement, billRef, LockModeType.NONE));
    }

    /**
     * Pays a bill (its amount, as listed): once. The bill is locked and marked paid in the posting's
     * transaction; a replay answers the first receipt; a second payment of it is COLLECTION_BILL_PAID.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the bill read fresh after the posting's commit
    public CollectionViews.Payment pay(PaymentRequest request, String requestId) {
        CollectionAgreement agreement = agreements.require(request.agreement());
        String billRef = Text.required("billRef", request.billRef(), 32);
        CollectionBill listed = bill(agreement, billRef, LockModeType.NONE);
        CollectionBill.Method method = Text.oneOf("method", request.method(), CollectionBill.Method.class);
        AccountNumber company = new AccountNumber(agreement.companyAccount());
        AccountNumber payer = method == CollectionBill.Method.TRANSFER
                ? accounts.resolve(Text.required("payerAccount", request.payerAccount(), 19)) : null;
        if (company.equals(payer)) {
            throw new TellerException(ErrorCode.TRANSFER_TO_SAME_ACCOUNT, company.value());
        }
        Money amount = listed.amount();
        String fingerprint = agreement.code() + "/" + billRef + "|" + method + "|" + payer;
        String caller = context.getCallerPrincipal().getName();
        Receipt receipt = postings.post(OPERATION, requestId, fingerprint, payer == null ? company.value() : payer.value(),
                payer == null ? null : company.value(), () -> {
                    CollectionBill bill = bill(agreement, billRef, LockModeType.PESSIMISTIC_WRITE);
                    bill.requireOpen();
                    List<PostingLine> lines = payer == null ? inCash(company, amount, requestId)
                            : byTransfer(payer, company, amount, requestId);
                    bill.paid(requestId, method, payer == null ? null : payer.value(), caller, calendar.today(),
                            StoredTime.now(clock));
                    approvals.requireApproval(OPERATION, requestId, fingerprint, amount, company.value(),
                            TransactionNames.of(OPERATION) + " " + amount + " " + agreement.code() + "/" + billRef);
                    return lines;
                });
        return new CollectionViews.Payment(receipt, bill(agreement.code(), billRef));
    }

    private List<PostingLine> inCash(AccountNumber company, Money amount, String requestId) {
        Account account = accounts.forCredit(company);
        return List.of(PostingLine.gl(GlCodes.TILL_CASH, Side.DEBIT, amount),
                PostingLine.customer(account.glCode(), company.value(), Side.CREDIT, amount,
                        movements.credit(account, amount, Movement.CASH, requestId)));
    }

    private List<PostingLine> byTransfer(AccountNumber payerNumber, AccountNumber company, Money amount, String requestId) {
        Map<AccountNumber, Account> locked = accounts.forTransfer(payerNumber, company);
        Account payer = locked.get(payerNumber);
        Account payee = locked.get(company);
        movements.requireCovers(payer, amount);
        Money payerAfter = movements.debit(payer, amount, Movement.TRANSFER_OTHER, requestId);
        Money payeeAfter = movements.credit(payee, amount, Movement.TRANSFER_OTHER, requestId);
        return List.of(PostingLine.customer(payer.glCode(), payerNumber.value(), Side.DEBIT, amount, payerAfter),
                PostingLine.customer(payee.glCode(), company.value(), Side.CREDIT, amount, payeeAfter));
    }

    /** The company's daily file: the bills paid on {@code date} (null: today's business date), as CSV, the latest last. */
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String dailyFile(String agreementCode, LocalDate date) {
        CollectionAgreement agreement = agreements.require(agreementCode);
        List<CollectionBill> paid = em.createQuery("SELECT b FROM CollectionBill b WHERE b.agreementId = :agreement "
                        + "AND b.paidOn = :date ORDER BY b.paidAt, b.id", CollectionBill.class)
                .setParameter("agreement", agreement.id()).setParameter("date", date == null ? calendar.today() : date)
                .getResultList();
        return Csv.text(CSVFormat.DEFAULT.builder().setHeader("agreement", "bill_ref", "payer_name", "amount", "method",
                "paid_from", "business_date", "paid_at").build(), row -> {
                    for (CollectionBill bill : paid) {
                        row.print(agreement.code(), bill.billRef(), bill.payerName(), bill.amount().toPlainString(),
                                bill.paidMethod(), bill.paidFrom(), bill.paidOn(), bill.paidAt());
                    }
                });
    }

    private CollectionBill bill(CollectionAgreement agreement, String billRef, LockModeType lock) {
        return em.createQuery("SELECT b FROM CollectionBill b WHERE b.agreementId = :agreement AND b.billRef = :ref",
                        CollectionBill.class).setParameter("agreement", agreement.id())
                .setParameter("ref", billRef == null ? "" : billRef.strip()).setLockMode(lock).getResultStream()
                .findFirst().orElseThrow(() -> new TellerException(ErrorCode.COLLECTION_BILL_NOT_FOUND, agreement.code(),
                        billRef));
    }
}
