package bank.teller.payment.application;

import bank.teller.account.application.AccountMovements;
import bank.teller.account.application.Accounts;
import bank.teller.account.application.PostingRequests;
import bank.teller.account.application.Receipt;
import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.account.domain.Movement;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.ledger.domain.Side;
import bank.teller.payment.domain.AttachmentType;
import bank.teller.payment.domain.Claim;
import bank.teller.payment.domain.ClaimAttachment;
import bank.teller.payment.domain.ClaimCategory;
import bank.teller.payment.domain.ClaimEvent;
import bank.teller.payment.domain.ClaimLine;
import bank.teller.platform.Jdbc;
import bank.teller.security.Roles;
import bank.teller.shared.Dates;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.ProcessedRequest;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
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
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Reimbursement claims (报销审批): a staff member makes a claim (lines, the account to pay into), attaches
 * the scanned receipts (each checked to be the PDF or image its name says) and submits it; the rules
 * (claim_rule: amount bands and categories) say which roles approve it, in order; each approver sees
 * the claims waiting for their role, and approves or returns one with a note (not their own, and not
 * a step after one they approved); once approved it is paid by one posting (Dr 业务及管理费 6601 / Cr the
 * claimant's account), with a voucher, once.
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
public class Claims {

    public static final String OPERATION = "CLAIM_PAYMENT";
    public static final int MAX_LINES = 50;
    public static final int MAX_ATTACHMENTS = 10;

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private Accounts accounts;
    @Inject
    private AccountMovements movements;
    @Inject
    private Jdbc jdbc;
    @EJB
    private PostingRequests postings;
    @EJB
    private AuditTrail audit;
    @Resource
    private SessionContext context;

    private final Clock clock = Clock.systemUTC();

    /** A line as typed: category, amount, the day spent (YYYY-MM-DD), a note. */
    public record LineRequest(String category, String amount, String spentOn, String note) {
    }

    /** A claim as its claimant states it. */
    public record ClaimRequest(String title, String payeeAccount, List<LineRequest> lines) {
    }

    /** A receipt's content and type, to show it. */
    public record AttachmentContent(String fileName, String contentType, byte[] content) {
    }

    /** A claim paid: the posting's receipt and the claim as it is now. */
    public record Payment(Receipt receipt, ClaimView claim) {
    }

    /** Makes a draft claim of the caller's; the same request id again answers the same claim. */
    public ClaimView create(ClaimRequest request, String requestId) {
        String id = ProcessedRequest.validId(requestId);
        String caller = caller();
        List<Claim> known = em.createQuery("SELECT c FROM Claim c WHERE c.claimant = :caller AND c.requestId = :id",
                Claim.class).setParameter("caller", caller).setParameter("id", id).getResultList();
        if (!known.isEmpty()) {
            return view(known.get(0));
        }
        Stated stated = stated(request);
        Claim claim = new Claim(caller, id, stated.title(), stated.account(), stated.lines(), StoredTime.now(clock));
        em.persist(claim);
        claim.assignNumber();
        audit.record("CLAIM_CREATED", claim.claimNo(), claim.total().toPlainString() + " to " + claim.payeeAccount(),
                AuditEvent.SUCCESS);
        return view(claim);
    }

    /** New lines, title or account for the caller's draft or returned claim. */
    public ClaimView revise(String claimNo, ClaimRequest request) {
        Claim claim = own(claimNo);
        Stated stated = stated(request);
        claim.revise(stated.title(), stated.account(), stated.lines(), StoredTime.now(clock));
        return view(claim);
    }

    private record Stated(String title, String account, List<ClaimLine> lines) {
    }

    private Stated stated(ClaimRequest request) {
        String title = Text.required("title", request.title(), Claim.TITLE_MAX);
        Account payee = accounts.require(accounts.resolve(Text.required("payeeAccount", request.payeeAccount(), 19)));
        payee.requireDemand();
        payee.requireActive();
        List<LineRequest> asked = request.lines() == null ? List.of() : request.lines();
        if (asked.isEmpty() || asked.size() > MAX_LINES) {
            throw new TellerException(ErrorCode.CLAIM_INVALID, "a claim has 1 to " + MAX_LINES + " lines");
        }
        List<ClaimLine> lines = new ArrayList<>();
        for (LineRequest line : asked) {
            if (line == null) {
                throw new TellerException(ErrorCode.CLAIM_INVALID, "a line is empty");
            }
            lines.add(new ClaimLine(lines.size() + 1, Text.oneOf("category", line.category(), ClaimCategory.class),
                    Money.parse(Text.required("amount", line.amount(), 21), Money.CNY).requirePositive(),
                    Dates.required("spentOn", line.spentOn()), Text.optional("note", line.note(), ClaimLine.NOTE_MAX)));
        }
        return new Stated(title, payee.number().value(), lines);
    }

    /**
     * Attaches a scanned receipt to the caller's draft or returned claim: refused unless it is a PDF,
     * PNG or JPEG of at most 2 MiB whose content is what its name says and can be read as such.
     */
    public ClaimView attach(String claimNo, String fileName, byte[] content) {
        Claim claim = own(claimNo);
        claim.requireEditable();
        String name = Text.required("fileName", fileName, ClaimAttachment.NAME_MAX);
        byte[] bytes = content == null ? new byte[0] : content;
        AttachmentType type = AttachmentType.of(name, bytes);
        requireReadable(name, type, bytes);
        if (attachments(claim).size() >= MAX_ATTACHMENTS) {
            throw new TellerException(ErrorCode.CLAIM_INVALID, "a claim has at most " + MAX_ATTACHMENTS + " receipts");
        }
        em.persist(new ClaimAttachment(claim.id(), name, type, bytes, sha256(bytes), caller(), StoredTime.now(clock)));
        return view(claim);
    }

    /** Refused (ATTACHMENT_UNREADABLE) unless the content parses as the PDF or image it starts like. */
    private static void requireReadable(String name, AttachmentType type, byte[] bytes) {
        try {
            if (type == AttachmentType.PDF) {
                try (PDDocument pdf = Loader.loadPDF(bytes)) {
                    if (pdf.getNumberOfPages() == 0) {
                        throw new IOException("no pages");
                    }
                }
            } else {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
                if (image == null || image.getWidth() == 0) {
                    throw new IOException("no image");
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            throw new TellerException(ErrorCode.ATTACHMENT_UNREADABLE, name);
        }
    }

    /** Submits the caller's claim for approval by the steps its rule says (CLAIM_NO_RECEIPTS without a receipt). */
    public ClaimView submit(String claimNo) {
        Claim claim = own(claimNo);
        if (claim.status() == Claim.Status.IN_APPROVAL) {
            return view(claim); // submitted already: a repeated click
        }
        if (attachments(claim).isEmpty()) {
            throw new TellerException(ErrorCode.CLAIM_NO_RECEIPTS, claim.claimNo());
        }
        Instant now = StoredTime.now(clock);
        claim.submit(approvers(claim), now);
        em.persist(new ClaimEvent(claim.id(), "SUBMITTED", null, null, caller(), null, now));
        audit.record("CLAIM_SUBMITTED", claim.claimNo(), claim.total().toPlainString() + ", steps " + claim.steps(),
                AuditEvent.SUCCESS);
        return view(claim);
    }

    /** The roles that approve the claim, in order: the strictest rule (most steps) that matches its total and categories. */
    private List<String> approvers(Claim claim) {
        BigDecimal total = claim.total().amount();
        Set<String> categories = claim.lines().stream().map(l -> l.category().name()).collect(Collectors.toSet());
        return jdbc.query("SELECT category, min_amount, max_amount, steps FROM claim_rule ORDER BY id", row -> {
                    String category = row.getString(1);
                    BigDecimal min = row.getBigDecimal(2);
                    BigDecimal max = row.getBigDecimal(3);
                    boolean matches = (category == null || categories.contains(category)) && total.compareTo(min) >= 0
                            && (max == null || total.compareTo(max) < 0);
                    return matches ? List.of(row.getString(4).split(",")) : List.<String>of();
                }).stream().filter(steps -> !steps.isEmpty()).max((a, b) -> Integer.compare(a.size(), b.size()))
                .orElseThrow(() -> new TellerException(ErrorCode.CLAIM_INVALID, "no approval rule for " + total));
    }

    /** The caller's claims, the latest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ClaimView> mine() {
        return em.createQuery("SELECT c FROM Claim c WHERE c.claimant = :caller ORDER BY c.id DESC", Claim.class)
                .setParameter("caller", caller()).setMaxResults(100).getResultList().stream().map(this::view).toList();
    }

    /** The claims waiting for the caller: at a step of a role they have, not theirs, no earlier step approved by them. */
    @RolesAllowed(Roles.SUPERVISOR)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ClaimView> queue() {
        String caller = caller();
        return em.createQuery("SELECT c FROM Claim c WHERE c.status = 'IN_APPROVAL' ORDER BY c.updatedAt", Claim.class)
                .setMaxResults(500).getResultList().stream()
                .filter(c -> context.isCallerInRole(c.currentRole()) && !c.claimant().equals(caller)
                        && !approvedThisRound(c, caller))
                .map(this::view).toList();
    }

    /** Approves the claim's current step, with a note if the approver has one. */
    @RolesAllowed(Roles.SUPERVISOR)
    public ClaimView approve(String claimNo, String note) {
        Claim claim = locked(claimNo);
        String role = requireYourStep(claim);
        Instant now = StoredTime.now(clock);
        int step = claim.stepNo();
        claim.approve(now);
        em.persist(new ClaimEvent(claim.id(), "APPROVED", step, role, caller(),
                Text.optional("note", note, ClaimEvent.NOTE_MAX), now));
        audit.record("CLAIM_APPROVED", claim.claimNo(), "step " + step + " as " + role + " -> " + claim.status(),
                AuditEvent.SUCCESS);
        return view(claim);
    }

    /** Returns the claim to its claimant with a note saying what to mend. */
    @RolesAllowed(Roles.SUPERVISOR)
    public ClaimView returnToClaimant(String claimNo, String note) {
        Claim claim = locked(claimNo);
        String role = requireYourStep(claim);
        String why = Text.required("note", note, ClaimEvent.NOTE_MAX);
        Instant now = StoredTime.now(clock);
        int step = claim.stepNo();
        claim.returnToClaimant(now);
        em.persist(new ClaimEvent(claim.id(), "RETURNED", step, role, caller(), why, now));
        audit.record("CLAIM_RETURNED", claim.claimNo(), "step " + step + " as " + role + ": " + why, AuditEvent.SUCCESS);
        return view(claim);
    }

    /** The role the caller approves the claim's current step as; CLAIM_NOT_YOUR_STEP when it is not theirs to. */
    private String requireYourStep(Claim claim) {
        String role = claim.currentRole();
        String caller = caller();
        if (!context.isCallerInRole(role) || claim.claimant().equals(caller) || approvedThisRound(claim, caller)) {
            throw new TellerException(ErrorCode.CLAIM_NOT_YOUR_STEP, claim.claimNo(), role, claim.stepNo());
        }
        return role;
    }

    /** Whether {@code user} approved a step of the claim since it was last submitted. */
    private boolean approvedThisRound(Claim claim, String user) {
        List<ClaimEvent> events = events(claim);
        boolean approved = false;
        for (ClaimEvent event : events) {
            if ("SUBMITTED".equals(event.action())) {
                approved = false;
            } else if ("APPROVED".equals(event.action()) && user.equals(event.actor())) {
                approved = true;
            }
        }
        return approved;
    }

    /** The approved claims waiting to be paid, the oldest first. */
    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ClaimView> toPay() {
        return em.createQuery("SELECT c FROM Claim c WHERE c.status = 'APPROVED' ORDER BY c.updatedAt", Claim.class)
                .setMaxResults(500).getResultList().stream().map(this::view).toList();
    }

    /**
     * Pays an approved claim into the claimant's account (Dr 6601 / Cr the account) with a voucher,
     * once: a replay answers the first receipt, another payment is CLAIM_PAID.
     */
    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the claim read fresh after the posting's commit
    public Payment pay(String claimNo, String requestId) {
        Claim listed = found(claimNo, LockModeType.NONE);
        AccountNumber payee = new AccountNumber(listed.payeeAccount());
        String caller = caller();
        Receipt receipt = postings.post(OPERATION, requestId, "claim:" + listed.claimNo(), payee.value(), null, () -> {
            Claim claim = found(claimNo, LockModeType.PESSIMISTIC_WRITE);
            Instant now = StoredTime.now(clock);
            claim.paid(caller, requestId, now);
            Money total = claim.total();
            Account account = accounts.forCredit(payee);
            Money after = movements.credit(account, total, Movement.TRANSFER_OTHER, requestId);
            em.persist(new ClaimEvent(claim.id(), "PAID", null, null, caller, null, now));
            return List.of(PostingLine.gl(GlCodes.OPERATING_EXPENSES, Side.DEBIT, total),
                    PostingLine.customer(account.glCode(), payee.value(), Side.CREDIT, total, after));
        });
        return new Payment(receipt, view(found(claimNo, LockModeType.NONE)));
    }

    /** A claim: for its claimant, approvers, tellers and auditors. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ClaimView claim(String claimNo) {
        return view(found(claimNo, LockModeType.NONE));
    }

    /** A receipt attached to a claim, to show it. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AttachmentContent attachment(String claimNo, long attachmentId) {
        Claim claim = found(claimNo, LockModeType.NONE);
        ClaimAttachment attachment = em.find(ClaimAttachment.class, attachmentId);
        if (attachment == null || attachment.claimId() != claim.id()) {
            throw new TellerException(ErrorCode.ATTACHMENT_NOT_FOUND, claim.claimNo(), attachmentId);
        }
        return new AttachmentContent(attachment.fileName(), attachment.contentType(), attachment.content());
    }

    private Claim own(String claimNo) {
        Claim claim = locked(claimNo);
        if (!claim.claimant().equals(caller())) {
            throw new TellerException(ErrorCode.CLAIM_NOT_YOURS, claim.claimNo());
        }
        return claim;
    }

    private Claim locked(String claimNo) {
        return found(claimNo, LockModeType.PESSIMISTIC_WRITE);
    }

    private Claim found(String claimNo, LockModeType lock) {
        return em.createQuery("SELECT c FROM Claim c WHERE c.claimNo = :no", Claim.class)
                .setParameter("no", claimNo == null ? "" : claimNo.strip()).setLockMode(lock).getResultStream()
                .findFirst().orElseThrow(() -> new TellerException(ErrorCode.CLAIM_NOT_FOUND, claimNo));
    }

    private List<ClaimView.Attachment> attachments(Claim claim) {
        return em.createQuery("SELECT NEW bank.teller.payment.application.ClaimView.Attachment(a.id, a.fileName, "
                        + "a.contentType, a.sizeBytes) FROM ClaimAttachment a WHERE a.claimId = :claim ORDER BY a.id",
                ClaimView.Attachment.class).setParameter("claim", claim.id()).getResultList();
    }

    private List<ClaimEvent> events(Claim claim) {
        return em.createQuery("SELECT e FROM ClaimEvent e WHERE e.claimId = :claim ORDER BY e.id", ClaimEvent.class)
                .setParameter("claim", claim.id()).getResultList();
    }

    private ClaimView view(Claim claim) {
        return ClaimView.of(claim, attachments(claim), events(claim));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
