package bank.teller.payment.application;

import bank.teller.account.application.AccountMovements;
import bank.teller.account.application.Accounts;
import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.account.domain.AccountStatus;
import bank.teller.account.domain.Movement;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.ledger.application.Ledger;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.ledger.domain.Side;
import bank.teller.payment.domain.CollectionAgreement;
import bank.teller.payment.domain.CsvLines;
import bank.teller.payment.domain.DebitFile;
import bank.teller.payment.domain.DebitLine;
import bank.teller.payment.domain.DebitRequests;
import bank.teller.payment.domain.DirectDebitMandate;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.Csv;
import bank.teller.shared.Dates;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;

/**
 * Direct debit (代扣): a payer signs a mandate for a company at the counter (limits per debit and per
 * month, an expiry; cancellable); the company sends a file of debits (CSV), taken once per its file
 * reference; the direct-debit job ({@code teller-batch}) then debits each line once (Dr the payer /
 * Cr 代扣款项 2271, one entry per line, unique for its line) or refuses it with the reason (no
 * mandate, cancelled, expired, over a limit, the account frozen or short), and last credits the
 * company with the total (Dr 2271 / Cr the company's account). The company gets a result file.
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR})
public class DirectDebits {

    /** Who posts the job's debits and the company's credit, on the journal. */
    public static final String DIRECT_DEBIT_USER = "direct-debit";
    public static final String DEBIT = "DIRECT_DEBIT";
    public static final String CREDIT = "DIRECT_DEBIT_CREDIT";
    private static final int FLUSH_EVERY = 1000;

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private CollectionAgreements agreements;
    @Inject
    private Accounts accounts;
    @Inject
    private AccountMovements movements;
    @Inject
    private Ledger ledger;
    @Inject
    private BusinessCalendar calendar;
    @EJB
    private AuditTrail audit;
    @Resource
    private SessionContext context;

    private final Clock clock = Clock.systemUTC();

    /** A mandate as the payer signs it at the counter (dates YYYY-MM-DD; no start: today; no expiry: until cancelled). */
    public record MandateRequest(String agreement, String mandateRef, String payerAccount, String limitPerDebit,
                                 String limitPerMonth, String validFrom, String expiresOn) {
    }

    /** Signs a mandate; asking again with the same terms answers the same mandate (MANDATE_EXISTS for other terms). */
    public DirectDebitViews.Mandate sign(MandateRequest request) {
        CollectionAgreement agreement = agreements.require(request.agreement());
        String ref = Text.required("mandateRef", request.mandateRef(), 32);
        if (!ref.matches(DirectDebitMandate.REF_PATTERN)) {
            throw new TellerException(ErrorCode.MANDATE_INVALID, ref);
        }
        Account payer = accounts.require(accounts.resolve(Text.required("payerAccount", request.payerAccount(), 19)));
        payer.requireDemand();
        payer.requireActive();
        LocalDate from = Optional.ofNullable(Dates.optional("validFrom", request.validFrom())).orElse(calendar.today());
        DirectDebitMandate.Terms terms = new DirectDebitMandate.Terms(ref, payer.number().value(),
                Money.parse(Text.required("limitPerDebit", request.limitPerDebit(), 21), Money.CNY).requirePositive(),
                Money.parse(Text.required("limitPerMonth", request.limitPerMonth(), 21), Money.CNY).requirePositive(),
                from, Dates.optional("expiresOn", request.expiresOn()));
        Optional<DirectDebitMandate> known = mandate(agreement, ref);
        if (known.isPresent()) {
            if (!known.get().terms().equals(terms)) {
                throw new TellerException(ErrorCode.MANDATE_EXISTS, agreement.code(), ref);
            }
            return DirectDebitViews.Mandate.of(agreement.code(), known.get());
        }
        DirectDebitMandate mandate = new DirectDebitMandate(agreement.id(), terms, caller(), StoredTime.now(clock));
        em.persist(mandate);
        audit.record("MANDATE_SIGNED", payer.number().value(), agreement.code() + "/" + ref + ": up to "
                + terms.limitPerDebit() + " a debit, " + terms.limitPerMonth() + " a month, " + from + " to "
                + terms.expiresOn(), AuditEvent.SUCCESS);
        return DirectDebitViews.Mandate.of(agreement.code(), mandate);
    }

    /** Cancels a mandate: no debit under it after this; cancelling again answers the same. */
    public DirectDebitViews.Mandate cancel(String agreementCode, String mandateRef) {
        CollectionAgreement agreement = agreements.require(agreementCode);
        DirectDebitMandate mandate = mandate(agreement, mandateRef).orElseThrow(
                () -> new TellerException(ErrorCode.MANDATE_NOT_FOUND, agreement.code(), mandateRef));
        em.lock(mandate, LockModeType.PESSIMISTIC_WRITE);
        if ("ACTIVE".equals(mandate.status())) {
            mandate.cancel(caller(), StoredTime.now(clock));
            audit.record("MANDATE_CANCELLED", mandate.payerAccount(), agreement.code() + "/" + mandate.mandateRef(),
                    AuditEvent.SUCCESS);
        }
        return DirectDebitViews.Mandate.of(agreement.code(), mandate);
    }

    /** The mandates on the payer's account, the latest first. */
    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<DirectDebitViews.Mandate> mandatesOf(String account) {
        AccountNumber number = accounts.resolve(Text.required("account", account, 19));
        return em.createQuery("SELECT m FROM DirectDebitMandate m WHERE m.payerAccount = :account ORDER BY m.id DESC",
                        DirectDebitMandate.class).setParameter("account", number.value()).getResultList().stream()
                .map(m -> DirectDebitViews.Mandate.of(agreements.byId(m.agreementId()).code(), m)).toList();
    }

    /**
     * Takes a company's debit file, once per its reference (the same reference again answers the file
     * taken first and adds nothing): good rows wait for the job, bad rows are refused with their line.
     * A file whose header is wrong is refused whole (DEBIT_FILE_INVALID).
     */
    @RolesAllowed({Roles.SUPERVISOR, Roles.CHANNEL})
    public DirectDebitViews.File receive(String agreementCode, String fileRef, String csv) {
        CollectionAgreement agreement = agreements.require(agreementCode);
        String ref = Text.required("fileRef", fileRef, 40);
        if (!ref.matches(DebitFile.REF_PATTERN)) {
            throw new TellerException(ErrorCode.DEBIT_FILE_INVALID, "fileRef " + ref);
        }
        Optional<DebitFile> known = em.createQuery("SELECT f FROM DebitFile f WHERE f.agreementId = :agreement "
                        + "AND f.fileRef = :ref", DebitFile.class).setParameter("agreement", agreement.id())
                .setParameter("ref", ref).getResultStream().findFirst();
        if (known.isPresent()) {
            return view(known.get());
        }
        CsvLines.Parsed<DebitRequests.Debit> parsed = DebitRequests.parse(csv);
        if (parsed.items().isEmpty() && parsed.refused().size() == 1 && parsed.refused().get(0).line() == 1) {
            throw new TellerException(ErrorCode.DEBIT_FILE_INVALID, parsed.refused().get(0).detail());
        }
        DebitFile file = new DebitFile(agreement.id(), ref, parsed.items().size() + parsed.refused().size(),
                calendar.today(), caller(), StoredTime.now(clock));
        em.persist(file);
        int written = 0;
        for (DebitRequests.Debit debit : parsed.items()) {
            em.persist(DebitLine.pending(file.id(), debit));
            written = flushNowAndThen(++written);
        }
        for (CsvLines.Refusal refusal : parsed.refused()) {
            em.persist(DebitLine.malformed(file.id(), refusal));
            written = flushNowAndThen(++written);
        }
        audit.record("DEBIT_FILE_RECEIVED", agreement.code() + "/" + ref, parsed.items().size() + " debits, "
                + parsed.refused().size() + " rows refused", AuditEvent.SUCCESS);
        return view(file);
    }

    private int flushNowAndThen(int written) {
        if (written % FLUSH_EVERY == 0) {
            em.flush();
        }
        return written;
    }

    /** A debit file with where its lines stand. */
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR, Roles.CHANNEL})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public DirectDebitViews.File file(long fileId) {
        return view(requireFile(fileId));
    }

    /** A company's debit file by its own reference, as the creditor knows it (DEBIT_FILE_NOT_FOUND). */
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR, Roles.CHANNEL})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public DirectDebitViews.File file(String agreementCode, String fileRef) {
        CollectionAgreement agreement = agreements.require(agreementCode);
        return em.createQuery("SELECT f FROM DebitFile f WHERE f.agreementId = :agreement AND f.fileRef = :ref",
                        DebitFile.class).setParameter("agreement", agreement.id()).setParameter("ref", fileRef)
                .getResultStream().findFirst().map(this::view)
                .orElseThrow(() -> new TellerException(ErrorCode.DEBIT_FILE_NOT_FOUND, agreementCode + "/" + fileRef));
    }

    /** The result file for the company: every line of its file, paid or refused with the reason, as CSV. */
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR, Roles.CHANNEL})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String result(long fileId) {
        DebitFile file = requireFile(fileId);
        List<DebitLine> lines = em.createQuery("SELECT l FROM DebitLine l WHERE l.fileId = :file ORDER BY l.lineNo",
                DebitLine.class).setParameter("file", file.id()).getResultList();
        return Csv.text(CSVFormat.DEFAULT.builder().setHeader("line", "mandate_ref", "amount", "status", "reason",
                "detail").build(), row -> {
                    for (DebitLine line : lines) {
                        row.print(line.lineNo(), line.mandateRef(), line.amount() == null ? null
                                : line.amount().toPlainString(), line.status(), line.reason(), line.detail());
                    }
                });
    }

    /** For the job (a supervisor's or a channel's start): records the execution processing the file. */
    @RolesAllowed({Roles.SUPERVISOR, Roles.CHANNEL})
    public void processedBy(long fileId, long executionId) {
        DebitFile file = em.find(DebitFile.class, fileId, LockModeType.PESSIMISTIC_WRITE);
        file.processedBy(executionId);
    }

    /** For the job's reader: the ids of the file's lines still pending after {@code afterId}, in order. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> pending(long fileId, long afterId, int max) {
        return em.createQuery("SELECT l.id FROM DebitLine l WHERE l.fileId = :file AND l.status = 'PENDING' "
                        + "AND l.id > :after ORDER BY l.id", Long.class).setParameter("file", fileId)
                .setParameter("after", afterId).setMaxResults(max).getResultList();
    }

    /**
     * For the job's writer, in its chunk's transaction: debits or refuses each pending line, the
     * payers' accounts locked in account order (as every posting of several accounts locks them). A
     * line already done (a restart) is left as it is; its entry is unique for the line, so it is never
     * posted twice.
     */
    @PermitAll
    public void debit(List<Long> lineIds) {
        if (lineIds.isEmpty()) {
            return;
        }
        LocalDate today = calendar.today();
        Instant now = StoredTime.now(clock);
        List<DebitLine> lines = em.createQuery("SELECT l FROM DebitLine l WHERE l.id IN :ids AND l.status = 'PENDING'",
                DebitLine.class).setParameter("ids", lineIds).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Map<String, Optional<DirectDebitMandate>> mandates = new HashMap<>();
        DebitFile file = lines.isEmpty() ? null : em.find(DebitFile.class, lines.get(0).fileId());
        record Debit(DebitLine line, DirectDebitMandate mandate) {
        }
        List<Debit> debits = lines.stream().map(line -> new Debit(line, mandates.computeIfAbsent(line.mandateRef(),
                ref -> mandate(file.agreementId(), ref)).orElse(null))).toList();
        debits.stream().filter(d -> d.mandate() == null).forEach(d -> d.line().refused("NO_MANDATE", null));
        Map<Long, Money> usedNow = new HashMap<>();
        debits.stream().filter(d -> d.mandate() != null)
                .sorted(Comparator.comparing((Debit d) -> d.mandate().payerAccount()).thenComparing(d -> d.line().id()))
                .forEach(d -> debit(file, d.line(), d.mandate(), usedNow, today, now));
    }

    private void debit(DebitFile file, DebitLine line, DirectDebitMandate mandate, Map<Long, Money> usedNow,
                       LocalDate today, Instant now) {
        String payer = mandate.payerAccount();
        Money amount = line.amount();
        Money used = usedNow.computeIfAbsent(mandate.id(), id -> usedThisMonth(id, today));
        String refusal = mandate.refusal(amount, used, today);
        if (refusal != null) {
            line.refused(refusal, payer);
            return;
        }
        Account account = accounts.lockForBalanceChange(new AccountNumber(payer));
        if (account.status() != AccountStatus.ACTIVE) {
            line.refused(account.status() == AccountStatus.FROZEN ? "ACCOUNT_FROZEN" : "ACCOUNT_NOT_ACTIVE", payer);
            return;
        }
        String requestId = "dd:" + file.id() + ":" + line.lineNo();
        Money after;
        try {
            movements.requireCovers(account, amount);
            after = movements.debit(account, amount, Movement.TRANSFER_OTHER, requestId);
        } catch (TellerException refused) { // checked before anything changed
            line.refused(refused.code().name(), payer);
            return;
        }
        accounts.writeBalances();
        JournalEntry entry = ledger.post(JournalEntry.balanced(DEBIT, today, account.branchCode(), DIRECT_DEBIT_USER,
                requestId, now, List.of(PostingLine.customer(account.glCode(), payer, Side.DEBIT, amount, after),
                        PostingLine.gl(GlCodes.DIRECT_DEBITS_TO_PAY, Side.CREDIT, amount)))
                .requestedBy(DIRECT_DEBIT_USER, requestId));
        line.paid(mandate.id(), payer, entry.id(), today);
        usedNow.put(mandate.id(), used.plus(amount));
    }

    private Money usedThisMonth(long mandateId, LocalDate today) {
        Object used = em.createQuery("SELECT SUM(l.amount) FROM DebitLine l WHERE l.mandateId = :mandate "
                        + "AND l.status = 'PAID' AND l.debitedOn >= :from")
                .setParameter("mandate", mandateId).setParameter("from", today.withDayOfMonth(1)).getSingleResult();
        return Money.of(decimal(used), Money.CNY);
    }

    /** A sum as the database answers it (null for none). */
    private static BigDecimal decimal(Object sum) {
        return sum == null ? BigDecimal.ZERO.setScale(2) : new BigDecimal(sum.toString()).setScale(2);
    }

    /**
     * For the job's last step: credits the company with the total of the lines paid (Dr 2271 / Cr its
     * account), once, and marks the file completed. Refused while lines are pending.
     */
    @PermitAll
    public DirectDebitViews.File complete(long fileId) {
        DebitFile file = em.find(DebitFile.class, fileId, LockModeType.PESSIMISTIC_WRITE);
        if (file.isCompleted()) {
            return view(file);
        }
        long pending = em.createQuery("SELECT COUNT(l) FROM DebitLine l WHERE l.fileId = :file AND l.status = 'PENDING'",
                Long.class).setParameter("file", fileId).getSingleResult();
        if (pending > 0) {
            throw new IllegalStateException("debit file " + fileId + " still has " + pending + " lines pending");
        }
        Object[] paid = em.createQuery("SELECT COUNT(l), SUM(l.amount) FROM DebitLine l WHERE l.fileId = :file "
                + "AND l.status = 'PAID'", Object[].class).setParameter("file", fileId).getSingleResult();
        int count = ((Number) paid[0]).intValue();
        Money total = Money.of(decimal(paid[1]), Money.CNY);
        CollectionAgreement agreement = agreements.byId(file.agreementId());
        Long entryId = null;
        if (count > 0) {
            Account company = accounts.forCredit(new AccountNumber(agreement.companyAccount()));
            String requestId = "dd-credit:" + file.id();
            Money after = movements.credit(company, total, Movement.TRANSFER_OTHER, requestId);
            accounts.writeBalances();
            JournalEntry entry = ledger.post(JournalEntry.balanced(CREDIT, calendar.today(), company.branchCode(),
                    DIRECT_DEBIT_USER, requestId, StoredTime.now(clock), List.of(
                            PostingLine.gl(GlCodes.DIRECT_DEBITS_TO_PAY, Side.DEBIT, total),
                            PostingLine.customer(company.glCode(), agreement.companyAccount(), Side.CREDIT, total, after)))
                    .requestedBy(DIRECT_DEBIT_USER, requestId));
            accounts.recordPendingCredits(entry);
            entryId = entry.id();
        }
        file.completed(count, total, entryId, StoredTime.now(clock));
        audit.recordFor(DIRECT_DEBIT_USER, "", "", "DEBIT_FILE_COMPLETED", agreement.code() + "/" + file.fileRef(),
                count + " debits paid, " + total.toPlainString() + " credited to " + agreement.companyAccount()
                        + (entryId == null ? "" : ", entry " + entryId), AuditEvent.SUCCESS);
        return view(file);
    }

    private DebitFile requireFile(long fileId) {
        return Optional.ofNullable(em.find(DebitFile.class, fileId))
                .orElseThrow(() -> new TellerException(ErrorCode.DEBIT_FILE_NOT_FOUND, fileId));
    }

    private DirectDebitViews.File view(DebitFile file) {
        Map<String, Long> counts = new HashMap<>();
        em.createQuery("SELECT l.status, COUNT(l) FROM DebitLine l WHERE l.fileId = :file GROUP BY l.status",
                Object[].class).setParameter("file", file.id()).getResultList()
                .forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return DirectDebitViews.File.of(agreements.byId(file.agreementId()).code(), file,
                counts.getOrDefault("PENDING", 0L), counts.getOrDefault("PAID", 0L), counts.getOrDefault("REFUSED", 0L));
    }

    private Optional<DirectDebitMandate> mandate(CollectionAgreement agreement, String ref) {
        return mandate(agreement.id(), ref == null ? "" : ref.strip());
    }

    private Optional<DirectDebitMandate> mandate(long agreementId, String ref) {
        return em.createQuery("SELECT m FROM DirectDebitMandate m WHERE m.agreementId = :agreement "
                        + "AND m.mandateRef = :ref", DirectDebitMandate.class).setParameter("agreement", agreementId)
                .setParameter("ref", ref).getResultStream().findFirst();
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
