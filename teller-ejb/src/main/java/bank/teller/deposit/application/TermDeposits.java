package bank.teller.deposit.application;

import bank.teller.account.application.AccountMovements;
import bank.teller.account.application.AccountPostings;
import bank.teller.account.application.Accounts;
import bank.teller.account.application.Vouchers;
import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.account.domain.AccountStatus;
import bank.teller.account.domain.AccountType;
import bank.teller.account.domain.Movement;
import bank.teller.account.domain.Restriction;
import bank.teller.approval.application.Approvals;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.customer.application.Customers;
import bank.teller.customer.domain.Customer;
import bank.teller.deposit.domain.CertificateLoss;
import bank.teller.deposit.domain.DepositEvent;
import bank.teller.deposit.domain.DepositProduct;
import bank.teller.deposit.domain.DepositTerms;
import bank.teller.deposit.domain.InterestSlip;
import bank.teller.deposit.domain.NoticeDeposit;
import bank.teller.deposit.domain.RateTable;
import bank.teller.deposit.domain.Renewal;
import bank.teller.deposit.domain.TimeDeposit;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.ledger.domain.Side;
import bank.teller.security.Caller;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.Dates;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.RequestIds;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import bank.teller.shared.TransactionNames;
import bank.teller.till.application.VoucherStock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Time (整存整取) and notice (通知存款) deposits at the counter: opening (funded in cash or from the
 * holder's demand account, the certificate printed on a numbered blank from the teller's till),
 * withdrawal (in full, a time deposit's one partial early withdrawal with a new certificate for the
 * rest, a notice deposit's parts), and a notice deposit's notices. Each once per request id, in one
 * transaction: the account's balance is the principal, the terms are kept beside it, every step is
 * in the deposit's history. Large amounts and early withdrawals of large deposits go through the
 * approval policy (operations {@value #OPENING}, {@value #WITHDRAWAL}, {@value #EARLY_WITHDRAWAL}).
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR})
public class TermDeposits {

    public static final String OPENING = "DEPOSIT_OPENING";
    public static final String WITHDRAWAL = "DEPOSIT_WITHDRAWAL";
    /** The approval policy's name for a withdrawal before maturity (the amount it weighs: the deposit's principal). */
    public static final String EARLY_WITHDRAWAL = "DEPOSIT_EARLY_WITHDRAWAL";
    /** A matured time deposit renewed at the counter (转存); end of day's automatic renewal posts the same type. */
    public static final String RENEWAL = Maturities.RENEWAL;
    static final String NOTICE = "DEPOSIT_NOTICE";
    static final String NOTICE_CANCELLED = "DEPOSIT_NOTICE_CANCELLED";
    /** The blank-voucher kind a certificate is printed on. */
    static final String CERTIFICATE = "CERTIFICATE";
    private static final int SERIAL_MAX = 12;
    /** The request reservation's reference to a write that posted nothing: its event. */
    private static final String EVENT_REF = "event-";

    /** An opening: whose, which product, how much, from where (none: cash), renewal, certificate blank. */
    public record Opening(Long customerId, String product, String amount, String fromAccount, String renewal,
                          String settlementAccount, String certificateNo) {
    }

    /**
     * A withdrawal: how much (none: everything), where to (none: cash), the new certificate of a partial
     * one, and the owner's ID number when a lost certificate's deposit is paid out (挂失销户; else none).
     */
    public record Withdrawal(String accountNumber, String amount, String toAccount, String newCertificateNo,
                             String idNumber) {
    }

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private Accounts accounts;
    @Inject
    private AccountMovements movements;
    @Inject
    private AccountPostings postings;
    @Inject
    private DepositBook book;
    @Inject
    private RateTables rateTables;
    @Inject
    private BusinessCalendar calendar;
    @Inject
    private CurrentUser currentUser;
    @EJB
    private Customers customers;
    @EJB
    private Vouchers vouchers;
    @EJB
    private VoucherStock voucherStock;
    @EJB
    private Approvals approvals;
    @EJB
    private RequestIds requestIds;
    @EJB
    private AuditTrail audit;

    public DepositReceipt open(Opening opening, String requestId) {
        if (opening.customerId() == null) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "customerId", "a customer number");
        }
        DepositProduct product = product(opening.product());
        Money amount = Money.parse(opening.amount(), Money.CNY).requirePositive();
        Renewal renewal = renewal(opening.renewal());
        if (product.isNotice() && renewal != Renewal.NONE) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "renewal", Renewal.NONE.name());
        }
        AccountNumber from = optionalAccount(opening.fromAccount());
        AccountNumber settlement = optionalAccount(opening.settlementAccount());
        if (settlement == null && renewal == Renewal.PRINCIPAL) {
            settlement = from;
            if (settlement == null) {
                throw new TellerException(ErrorCode.DEPOSIT_SETTLEMENT_REQUIRED);
            }
        }
        String certificate = Text.required("certificateNo", opening.certificateNo(), SERIAL_MAX);
        AccountNumber settlementAccount = settlement;
        String fingerprint = opening.customerId() + "|" + product + "|" + amount + "|" + from + "|" + renewal + "|"
                + settlement + "|" + certificate;
        return requestIds.once(requestId, OPENING, fingerprint, this::replayed,
                now -> opened(opening.customerId(), product, amount, from, renewal, settlementAccount, certificate,
                        requestId, fingerprint, now), receipt -> String.valueOf(receipt.entryId()));
    }

    private DepositReceipt opened(long customerId, DepositProduct product, Money amount, AccountNumber from,
                                  Renewal renewal, AccountNumber settlement, String certificate, String requestId,
                                  String fingerprint, Instant now) {
        Caller teller = currentUser.caller();
        LocalDate today = calendar.today();
        Customer holder = customers.lock(customerId);
        holder.requireVerified();
        TimeDeposit time = product.isTime() ? TimeDeposit.open(product, amount, today, rateTables.of(product), renewal)
                : null;
        NoticeDeposit notice = product.isNotice() ? NoticeDeposit.open(product, amount, today) : null;
        Map<AccountNumber, Account> locked = accounts.lockAllForPosting(Stream.of(from, settlement)
                .filter(Objects::nonNull).toArray(AccountNumber[]::new));
        locked.values().forEach(account -> requireHoldersDemandAccount(account, holder));
        AccountType type = AccountType.termOf(holder.type(), product.isTime());
        Account deposit = new Account(AccountNumber.generate(teller.branchCode(), type.product(), accounts.nextSerial()),
                holder.id(), teller.branchCode(), type, null, null, Money.CNY, today);
        String number = deposit.number().value();
        List<PostingLine> lines = new ArrayList<>();
        if (from == null) {
            lines.add(PostingLine.gl(GlCodes.TILL_CASH, Side.DEBIT, amount));
        } else {
            Account payer = locked.get(from);
            lines.add(PostingLine.customer(payer.glCode(), from.value(), Side.DEBIT, amount,
                    movements.debit(payer, amount, Movement.TRANSFER_OTHER, requestId)));
        }
        voucherStock.use(CERTIFICATE, certificate, number);
        // last of the checks, so only a request that passes every one waits for a supervisor
        approvals.requireApproval(OPENING, requestId, fingerprint, amount, from == null ? null : from.value(),
                TransactionNames.of(OPENING) + " " + product + " " + amount);
        lines.add(PostingLine.customer(deposit.glCode(), number, Side.CREDIT, amount, deposit.creditDeposit(amount)));
        accounts.add(deposit);
        em.flush(); // the account row before the journal lines that name it
        JournalEntry entry = postings.postAsCaller(OPENING, requestId, now, lines);
        String voucherNo = vouchers.issue(entry, number, from == null ? null : from.value()).get();
        String settlementNumber = settlement == null ? null : settlement.value();
        em.persist(time != null ? new DepositTerms(number, time, settlementNumber, certificate)
                : new DepositTerms(number, notice, settlementNumber, certificate));
        String terms = time != null
                ? product + " at " + RateTable.percent(time.rate()) + " % to " + time.maturesOn() + ", renewal " + renewal
                : product.name();
        DepositEvent event = new DepositEvent(number, DepositEvent.Kind.OPENED, today, certificate, amount.amount(),
                entry.id(), terms + (from == null ? ", cash" : ", from " + from.value()), teller.username(), now);
        em.persist(event);
        return receipt(OPENING, event, voucherNo);
    }

    public DepositReceipt withdraw(Withdrawal withdrawal, String requestId) {
        AccountNumber number = new AccountNumber(withdrawal.accountNumber());
        Money amount = withdrawal.amount() == null || withdrawal.amount().isBlank() ? null
                : Money.parse(withdrawal.amount(), Money.CNY).requirePositive();
        AccountNumber to = optionalAccount(withdrawal.toAccount());
        String newCertificate = Text.optional("newCertificateNo", withdrawal.newCertificateNo(), SERIAL_MAX);
        String idNumber = Text.optional("idNumber", withdrawal.idNumber(), 18);
        String fingerprint = number + "|" + amount + ">" + (to == null ? "CASH" : to.value()) + "|" + newCertificate
                + "|" + (idNumber != null);
        return requestIds.once(requestId, WITHDRAWAL, fingerprint, this::replayed,
                now -> withdrawn(number, amount, to, newCertificate, idNumber, requestId, fingerprint, now),
                TermDeposits::reference);
    }

    private DepositReceipt withdrawn(AccountNumber number, Money amount, AccountNumber to, String newCertificate,
                                     String idNumber, String requestId, String fingerprint, Instant now) {
        Caller teller = currentUser.caller();
        LocalDate today = calendar.today();
        Map<AccountNumber, Account> locked = to == null ? accounts.lockAllForPosting(number)
                : accounts.lockAllForPosting(number, to);
        Account deposit = locked.get(number);
        DepositTerms terms = book.terms(deposit);
        Account payee = to == null ? null : locked.get(to);
        if (payee != null) {
            requireHoldersDemandAccount(payee, holderOf(deposit));
        }
        Money principalBefore = deposit.balance();
        CertificateLoss loss = book.activeLoss(number.value());
        if (loss != null) {
            // a lost certificate's deposit is paid out whole, to its owner, once a written report's wait is over
            if (idNumber == null || amount != null && !amount.equals(principalBefore)) {
                throw DepositBook.lost(loss);
            }
            loss.requireWaitOver(today);
            CertificateLosses.requireOwner(holderOf(deposit), idNumber);
            loss.resolve(today, teller.username());
        }
        DepositBook.Settlement settlement = book.settle(deposit, terms, amount, today);
        if (!settlement.closes() && newCertificate == null) {
            throw new TellerException(ErrorCode.DEPOSIT_CERTIFICATE_REQUIRED);
        }
        deposit.requirePayOut(payee == null ? Movement.CASH : Movement.TRANSFER_OTHER);
        List<Restriction> restrictions = accounts.unreleasedRestrictionsOf(number);
        Money after = deposit.debitDeposit(settlement.principal(), restrictions, today);
        Money interest = settlement.slip().total();
        Money paidOut = settlement.paidOut();
        List<PostingLine> lines = new ArrayList<>(List.of(
                PostingLine.customer(deposit.glCode(), number.value(), Side.DEBIT, settlement.principal(), after)));
        lines.addAll(book.interestCost(terms, interest));
        lines.add(payee == null ? PostingLine.gl(GlCodes.TILL_CASH, Side.CREDIT, paidOut)
                : PostingLine.customer(payee.glCode(), to.value(), Side.CREDIT, paidOut,
                movements.credit(payee, paidOut, Movement.TRANSFER_OTHER, requestId)));
        String certificate;
        DepositEvent.Kind kind;
        if (settlement.closes()) {
            deposit.close(restrictions, today);
            certificate = terms.certificateNo();
            kind = DepositEvent.Kind.CLOSED;
        } else {
            voucherStock.use(CERTIFICATE, newCertificate, number.value());
            terms.certificate(newCertificate);
            if (settlement.timeRest() != null) {
                terms.apply(settlement.timeRest());
            } else {
                terms.apply(settlement.noticeRest());
            }
            certificate = newCertificate;
            kind = DepositEvent.Kind.PARTLY_WITHDRAWN;
        }
        boolean early = settlement.early();
        approvals.requireApproval(early ? EARLY_WITHDRAWAL : WITHDRAWAL, requestId, fingerprint,
                early ? principalBefore : paidOut, number.value(),
                TransactionNames.of(WITHDRAWAL) + (early ? " (early) " : " ") + number + " " + paidOut);
        JournalEntry entry = postings.postAsCaller(WITHDRAWAL, requestId, now, lines);
        String voucherNo = vouchers.issue(entry, number.value(), to == null ? null : to.value()).get();
        DepositEvent event = new DepositEvent(number.value(), kind, today, certificate,
                settlement.principal().amount(), entry.id(), (early ? "early, " : "") + (to == null ? "cash"
                : "to " + to.value()) + (kind == DepositEvent.Kind.CLOSED ? ", certificate "
                + terms.certificateNo() + " collected" : ""), teller.username(), now).withSlip(settlement.slip());
        em.persist(event);
        return receipt(WITHDRAWAL, event, voucherNo);
    }

    /**
     * A matured time deposit renewed at the counter (转存): for another term (none: the same), what happens at
     * its next maturity, the interest deposited with the principal or paid in cash, and the new certificate.
     */
    public record Renewing(String accountNumber, String product, String renewal, boolean withInterest,
                           String newCertificateNo) {
    }

    /**
     * Renews a time deposit payable as matured today: its interest to today (the term, and the overdue
     * days at the demand rate) is deposited with the principal or paid in cash, and a new term begins
     * today at today's rate, on a new certificate from the till (the old one collected).
     */
    public DepositReceipt renew(Renewing renewing, String requestId) {
        AccountNumber number = new AccountNumber(renewing.accountNumber());
        DepositProduct product = renewing.product() == null || renewing.product().isBlank() ? null
                : product(renewing.product());
        if (product != null && !product.isTime()) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "product", "TIME_3M ... TIME_5Y");
        }
        Renewal renewal = renewal(renewing.renewal());
        String certificate = Text.required("newCertificateNo", renewing.newCertificateNo(), SERIAL_MAX);
        String fingerprint = number + "|" + product + "|" + renewal + "|" + renewing.withInterest() + "|" + certificate;
        return requestIds.once(requestId, RENEWAL, fingerprint, this::replayed,
                now -> renewed(number, product, renewal, renewing.withInterest(), certificate, requestId, now),
                TermDeposits::reference);
    }

    private DepositReceipt renewed(AccountNumber number, DepositProduct chosen, Renewal renewal, boolean withInterest,
                                   String certificate, String requestId, Instant now) {
        LocalDate today = calendar.today();
        Account deposit = accounts.lockForPosting(number);
        DepositTerms terms = book.terms(deposit);
        if (!terms.product().isTime()) {
            throw new TellerException(ErrorCode.DEPOSIT_NOT_TIME, number.value());
        }
        deposit.requireActive();
        book.requireNotLost(number.value());
        DepositBook.Settlement due = book.settle(deposit, terms, null, today); // the whole deposit, paid as matured
        if (due.early()) {
            TimeDeposit time = terms.time(deposit.balance());
            throw new TellerException(ErrorCode.DEPOSIT_NOT_MATURED, number.value(), time.maturesOn(),
                    book.payableFrom(time));
        }
        InterestSlip slip = due.slip();
        Money interest = slip.total();
        DepositProduct product = chosen == null ? terms.product() : chosen;
        TimeDeposit next = TimeDeposit.open(product, withInterest ? deposit.balance().plus(interest) : deposit.balance(),
                today, rateTables.of(product), renewal);
        voucherStock.use(CERTIFICATE, certificate, number.value());
        Long entryId = null;
        String voucherNo = null;
        List<PostingLine> lines = new ArrayList<>(book.interestCost(terms, interest));
        if (!interest.isZero()) {
            lines.add(withInterest ? PostingLine.customer(deposit.glCode(), number.value(), Side.CREDIT, interest,
                    deposit.creditInterest(interest)) : PostingLine.gl(GlCodes.TILL_CASH, Side.CREDIT, interest));
        }
        if (!lines.isEmpty()) {
            JournalEntry entry = postings.postAsCaller(RENEWAL, requestId, now, lines);
            voucherNo = vouchers.issue(entry, number.value(), null).get();
            entryId = entry.id();
        }
        String old = terms.certificateNo();
        terms.apply(next);
        terms.certificate(certificate);
        DepositEvent event = new DepositEvent(number.value(), DepositEvent.Kind.RENEWED, today, certificate,
                next.principal().amount(), entryId, "at the counter: " + product + " at " + RateTable.percent(next.rate())
                + " % to " + next.maturesOn() + ", " + next.renewal() + ", interest " + (withInterest ? "deposited"
                : "paid in cash") + ", certificate " + old + " collected", currentUser.name(), now).withSlip(slip);
        em.persist(event);
        audit.record(RENEWAL, number.value(), "renewed at the counter: interest " + interest + ", " + product + " to "
                + next.maturesOn(), AuditEvent.SUCCESS);
        return receipt(RENEWAL, event, voucherNo);
    }

    /** What a write's receipt is kept by: its entry, or its event when it posted nothing. */
    private static String reference(DepositReceipt receipt) {
        return receipt.entryId() != null ? String.valueOf(receipt.entryId()) : EVENT_REF + receipt.eventId();
    }

    /** What an opening would earn: the rate in force today, and for a time deposit its maturity and interest then. */
    public record OpeningQuote(String product, String ratePercent, LocalDate maturesOn, String interestAtMaturity) {
    }

    /** What opening {@code amount} of {@code product} today would earn, opening nothing (the minimum checked). */
    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.AUDITOR})
    public OpeningQuote quoteOpening(String productName, String amount) {
        DepositProduct product = product(productName);
        Money principal = Money.parse(amount, Money.CNY).requirePositive();
        LocalDate today = calendar.today();
        if (product.isNotice()) {
            NoticeDeposit.open(product, principal, today);
            return new OpeningQuote(product.name(), RateTable.percent(rateTables.of(product).on(today)), null, null);
        }
        TimeDeposit deposit = TimeDeposit.open(product, principal, today, rateTables.of(product), Renewal.NONE);
        return new OpeningQuote(product.name(), RateTable.percent(deposit.rate()), deposit.maturesOn(),
                deposit.term().interest().toPlainString());
    }

    /** What withdrawing {@code amount} (blank: everything) would pay today, posting nothing. */
    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.AUDITOR})
    public DepositReceipt quote(String accountNumber, String amount) {
        Account deposit = accounts.require(new AccountNumber(accountNumber));
        DepositTerms terms = book.terms(deposit);
        deposit.requireActive();
        DepositBook.Settlement settlement = book.settle(deposit, terms, amount == null || amount.isBlank() ? null
                : Money.parse(amount, Money.CNY).requirePositive(), calendar.today());
        return new DepositReceipt(WITHDRAWAL, accountNumber, null, null, null, settlement.principal().toPlainString(),
                settlement.slip().total().toPlainString(), settlement.paidOut().toPlainString(), Money.CNY,
                settlement.closes() ? null : terms.certificateNo(), SlipView.of(settlement.slip()), null);
    }

    /** What a counter renewal pays and opens: the interest slip of today, and what the new term earns. */
    public record RenewalQuote(SlipView slip, OpeningQuote next) {
    }

    /**
     * What renewing the deposit today would do, renewing nothing: its interest to today and what the
     * new term ({@code productName}, none: the same) earns on the principal, with that interest or not.
     */
    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.AUDITOR})
    public RenewalQuote quoteRenewal(String accountNumber, String productName, boolean withInterest) {
        Account deposit = accounts.require(new AccountNumber(accountNumber));
        DepositTerms terms = book.terms(deposit);
        deposit.requireActive();
        InterestSlip slip = book.settle(deposit, terms, null, calendar.today()).slip();
        Money renewed = withInterest ? deposit.balance().plus(slip.total()) : deposit.balance();
        String product = productName == null || productName.isBlank() ? terms.product().name() : productName;
        return new RenewalQuote(SlipView.of(slip), quoteOpening(product, renewed.toPlainString()));
    }

    /** A notice deposit's withdrawal notice (通知) of {@code amount} for {@code date}, at the counter or from a channel. */
    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.CHANNEL})
    public DepositView registerNotice(String accountNumber, String dateText, String amount, String requestId) {
        AccountNumber number = new AccountNumber(accountNumber);
        LocalDate date = Dates.required("date", dateText);
        Money noticed = Money.parse(amount, Money.CNY).requirePositive();
        return requestIds.once(requestId, NOTICE, number + "|" + date + "|" + noticed, ref -> view(number),
                now -> changeNotice(number, now, DepositEvent.Kind.NOTICE_REGISTERED, noticed, "for " + date,
                        (deposit, today) -> deposit.noticed(date, noticed, today)), DepositView::accountNumber);
    }

    /** Cancels a notice deposit's notice. */
    public DepositView cancelNotice(String accountNumber, String requestId) {
        AccountNumber number = new AccountNumber(accountNumber);
        return requestIds.once(requestId, NOTICE_CANCELLED, number.value(), ref -> view(number),
                now -> changeNotice(number, now, DepositEvent.Kind.NOTICE_CANCELLED, null, null,
                        (deposit, today) -> deposit.noticeCancelled()), DepositView::accountNumber);
    }

    private interface NoticeChange {
        NoticeDeposit apply(NoticeDeposit deposit, LocalDate today);
    }

    private DepositView changeNotice(AccountNumber number, Instant now, DepositEvent.Kind kind, Money amount,
                                     String detail, NoticeChange change) {
        LocalDate today = calendar.today();
        Account deposit = accounts.lockForPosting(number);
        DepositTerms terms = book.terms(deposit);
        if (!terms.product().isNotice()) {
            throw new TellerException(ErrorCode.DEPOSIT_NOT_NOTICE, number.value());
        }
        deposit.requireActive();
        book.requireNotLost(number.value());
        NoticeDeposit before = terms.notice(deposit.balance());
        NoticeDeposit after = change.apply(before, today);
        terms.apply(after);
        NoticeDeposit.Notice notice = kind == DepositEvent.Kind.NOTICE_CANCELLED ? before.notice() : after.notice();
        String what = (amount == null ? "" : amount + " ") + (detail == null ? "for " + notice.date() : detail);
        em.persist(new DepositEvent(number.value(), kind, today, terms.certificateNo(), notice.amount().amount(), null,
                what, currentUser.name(), now));
        audit.record(kind == DepositEvent.Kind.NOTICE_CANCELLED ? NOTICE_CANCELLED : NOTICE, number.value(),
                notice.amount() + " for " + notice.date(), AuditEvent.SUCCESS);
        return book.view(deposit, terms, holderOf(deposit), today);
    }

    private DepositView view(AccountNumber number) {
        Account deposit = accounts.require(number);
        return book.view(deposit, book.terms(deposit), holderOf(deposit), calendar.today());
    }

    /** The receipt of a write replayed: rebuilt from the event that names its entry (or the event itself). */
    private DepositReceipt replayed(String reference) {
        DepositEvent event = reference.startsWith(EVENT_REF)
                ? em.find(DepositEvent.class, Long.valueOf(reference.substring(EVENT_REF.length())))
                : em.createQuery("SELECT e FROM DepositEvent e WHERE e.entryId = :entry", DepositEvent.class)
                .setParameter("entry", Long.valueOf(reference)).getSingleResult();
        String operation = switch (DepositEvent.Kind.valueOf(event.event())) {
            case OPENED -> OPENING;
            case RENEWED -> RENEWAL;
            default -> WITHDRAWAL;
        };
        return receipt(operation, event, event.entryId() == null ? null : vouchers.numberOf(event.entryId()));
    }

    private DepositReceipt receipt(String operation, DepositEvent event, String voucherNo) {
        Account deposit = accounts.require(new AccountNumber(event.accountNumber()));
        Money amount = Money.of(event.amount(), deposit.currency());
        Money interest = event.interest() == null ? Money.zero(deposit.currency())
                : Money.of(event.interest(), deposit.currency());
        InterestSlip slip = event.slip(deposit.currency());
        Money paidOut = switch (operation) {
            case OPENING -> amount;
            // a renewal pays the interest in cash unless it was deposited with the principal (the amount renewed)
            case RENEWAL -> slip != null && slip.lines().get(0).principal().equals(amount) ? interest
                    : Money.zero(deposit.currency());
            default -> amount.plus(interest);
        };
        return new DepositReceipt(operation, event.accountNumber(), event.entryId(), event.id(), voucherNo,
                amount.toPlainString(), interest.toPlainString(), paidOut.toPlainString(), deposit.currency(),
                deposit.status() == AccountStatus.CLOSED ? null : event.certificateNo(), SlipView.of(slip),
                book.view(deposit, book.terms(deposit), holderOf(deposit), calendar.today()));
    }

    private Customer holderOf(Account deposit) {
        return em.find(Customer.class, deposit.customerId());
    }

    /** Money comes from or goes to a demand account of the deposit's own holder, active. */
    private static void requireHoldersDemandAccount(Account account, Customer holder) {
        if (account.type().isTerm() || !account.customerId().equals(holder.id())
                || account.status() != AccountStatus.ACTIVE) {
            throw new TellerException(ErrorCode.DEPOSIT_ACCOUNT_NOT_HOLDERS, account.number().value());
        }
    }

    private AccountNumber optionalAccount(String text) {
        return text == null || text.isBlank() ? null : accounts.resolve(text);
    }

    /** What happens at maturity, as asked (none: NONE). */
    private static Renewal renewal(String text) {
        return text == null || text.isBlank() ? Renewal.NONE : Text.oneOf("renewal", text, Renewal.class);
    }

    /** A time or notice deposit product (VALIDATION_FAILED naming them for anything else). */
    static DepositProduct product(String text) {
        return Arrays.stream(DepositProduct.values()).filter(p -> p.isTime() || p.isNotice())
                .filter(p -> p.name().equalsIgnoreCase(text == null ? "" : text.strip())).findFirst()
                .orElseThrow(() -> new TellerException(ErrorCode.VALIDATION_FAILED, "product",
                        Arrays.stream(DepositProduct.values()).filter(p -> p.isTime() || p.isNotice())
                                .map(Enum::name).collect(Collectors.joining(", "))));
    }
}
