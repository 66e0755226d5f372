package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.payment.application.ClaimView;
import bank.teller.payment.application.Claims;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reimbursement claims (报销审批, issue 17): receipts checked to be what their names say; a claim the
 * rules give two steps approved by a supervisor and then a branch manager, each only at their own step,
 * and paid once; a claim returned with a note, mended and approved from the first step again.
 */
@ExtendWith(ArquillianExtension.class)
class ClaimsIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("claims-it", ClaimsIT.class, Https.class, Tokens.class);
    }

    @Inject
    AsUser asUser;

    private Claims claims;

    @BeforeEach
    void lookUpServices() {
        claims = Lookup.ejb("teller-ejb", Claims.class);
    }

    @Test
    void aClaimIsApprovedInTwoStepsByTheRulesThenPaidOnce() throws Exception {
        String claimant = TestUsers.create("TELLER");
        String manager = TestUsers.create("BRANCH_MANAGER");
        String account = Counter.classOneAccount(asUser, "报销员工");
        Claims.ClaimRequest request = new Claims.ClaimRequest("上海出差", account, List.of(
                new Claims.LineRequest("TRAVEL", "3000.00", "2026-11-20", "机票"),
                new Claims.LineRequest("ENTERTAINMENT", "2500.00", "2026-11-21", "客户餐费")));
        String requestId = TestData.requestId("claim");
        ClaimView draft = as(claimant, () -> claims.create(request, requestId));
        assertEquals("DRAFT", draft.status());
        assertEquals("5500.00", draft.total());
        assertEquals(draft.claimNo(), as(claimant, () -> claims.create(request, requestId)).claimNo(), "a replay");
        String no = draft.claimNo();
        assertEquals(ErrorCode.CLAIM_NO_RECEIPTS, refused(claimant, () -> claims.submit(no)));

        byte[] png = png();
        assertEquals(ErrorCode.ATTACHMENT_TYPE_MISMATCH, refused(claimant, () -> claims.attach(no, "发票.pdf", png)),
                "an image named as a PDF");
        assertEquals(ErrorCode.ATTACHMENT_TYPE_NOT_ALLOWED, refused(claimant, () -> claims.attach(no, "发票.exe", png)));
        assertEquals(ErrorCode.ATTACHMENT_UNREADABLE, refused(claimant, () -> claims.attach(no, "发票.pdf",
                "%PDF-1.7 not really".getBytes())), "a PDF's first bytes and nothing of a PDF after them");
        byte[] huge = Arrays.copyOf("%PDF-1.7".getBytes(), 2 * 1024 * 1024 + 1);
        assertEquals(ErrorCode.ATTACHMENT_TOO_LARGE, refused(claimant, () -> claims.attach(no, "大.pdf", huge)));
        as(claimant, () -> claims.attach(no, "机票行程单.pdf", pdf()));
        assertEquals(2, as(claimant, () -> claims.attach(no, "餐费发票.png", png)).attachments().size());
        assertEquals("application/pdf", asUser.supervisor(() -> claims.attachment(no,
                draftAttachmentId(no, 0))).contentType());

        ClaimView submitted = as(claimant, () -> claims.submit(no));
        assertEquals(List.of("SUPERVISOR", "BRANCH_MANAGER"), submitted.steps(),
                "5,000 and above, and entertainment: two steps");
        assertEquals("SUPERVISOR", submitted.waitingFor());
        assertThrows(EJBAccessException.class, () -> as(claimant, () -> claims.approve(no, null)));
        assertTrue(asUser.supervisor(() -> claims.queue()).stream().anyMatch(c -> c.claimNo().equals(no)));
        assertTrue(as(manager, () -> claims.queue()).stream().anyMatch(c -> c.claimNo().equals(no)),
                "a branch manager is a supervisor too");

        assertEquals("BRANCH_MANAGER", asUser.supervisor(() -> claims.approve(no, "属实")).waitingFor());
        assertEquals(ErrorCode.CLAIM_NOT_YOUR_STEP, assertThrows(TellerException.class,
                () -> asUser.supervisor(() -> claims.approve(no, null))).code(), "the second step is the manager's");
        assertTrue(asUser.supervisor(() -> claims.queue()).stream().noneMatch(c -> c.claimNo().equals(no)));
        assertEquals("APPROVED", as(manager, () -> claims.approve(no, "同意")).status());
        assertEquals(ErrorCode.CLAIM_NOT_IN_APPROVAL, assertThrows(TellerException.class,
                () -> as(manager, () -> claims.approve(no, null))).code());

        String payment = TestData.requestId("pay");
        Claims.Payment paid = asUser.teller(() -> claims.pay(no, payment));
        assertEquals("PAID", paid.claim().status());
        assertEquals(List.of("DEBIT 6601 5500.00", "CREDIT 2011 5500.00"), Sql.journalLines(paid.receipt().entryId()));
        assertEquals(paid.receipt(), asUser.teller(() -> claims.pay(no, payment)).receipt(), "a replay pays nothing more");
        assertEquals(ErrorCode.CLAIM_PAID, assertThrows(TellerException.class,
                () -> asUser.teller(() -> claims.pay(no, TestData.requestId("pay")))).code(), "paid once");
        assertEquals(new BigDecimal("5500.00"), Sql.scalar("SELECT balance FROM account WHERE account_number = ?", account));
        assertEquals(List.of("SUBMITTED", "APPROVED", "APPROVED", "PAID"), as(claimant, () -> claims.claim(no)).history()
                .stream().map(ClaimView.Event::action).toList(), "the claimant sees where it went");
    }

    @Test
    void aReturnedClaimIsMendedAndApprovedFromTheFirstStep() throws Exception {
        String claimant = TestUsers.create("TELLER");
        String account = Counter.classOneAccount(asUser, "退回报销员工");
        String no = as(claimant, () -> claims.create(new Claims.ClaimRequest("办公用品", account, List.of(
                new Claims.LineRequest("OFFICE", "200.00", "2026-11-25", "打印纸"))), TestData.requestId("claim")))
                .claimNo();
        as(claimant, () -> claims.attach(no, "发票.png", png()));
        assertEquals(List.of("SUPERVISOR"), as(claimant, () -> claims.submit(no)).steps(), "below 5,000: one step");
        assertEquals(ErrorCode.CLAIM_NOT_EDITABLE, refused(claimant, () -> claims.revise(no, new Claims.ClaimRequest(
                "办公用品", account, List.of(new Claims.LineRequest("OFFICE", "999.00", "2026-11-25", null))))),
                "not while it is being approved");
        assertEquals(ErrorCode.TEXT_INVALID, assertThrows(TellerException.class,
                () -> asUser.supervisor(() -> claims.returnToClaimant(no, " "))).code(), "a return says why");
        assertEquals("RETURNED", asUser.supervisor(() -> claims.returnToClaimant(no, "发票抬头不对")).status());
        as(claimant, () -> claims.revise(no, new Claims.ClaimRequest("办公用品", account, List.of(
                new Claims.LineRequest("OFFICE", "180.00", "2026-11-25", "打印纸（更正）")))));
        ClaimView again = as(claimant, () -> claims.submit(no));
        assertEquals("SUPERVISOR", again.waitingFor());
        assertEquals("180.00", again.total());
        assertEquals("APPROVED", asUser.supervisor(() -> claims.approve(no, null)).status());
    }

    private long draftAttachmentId(String no, int index) throws Exception {
        return asUser.supervisor(() -> claims.claim(no)).attachments().get(index).id();
    }

    private <T> T as(String user, AsUser.Work<T> work) throws Exception {
        return asUser.as(user, TestUsers.PASSWORD, work);
    }

    private ErrorCode refused(String user, AsUser.Work<?> work) {
        return assertThrows(TellerException.class, () -> as(user, work)).code();
    }

    /** A one-page PDF, as a scanner's would begin (written out here: the test runs in the server, without PDFBox). */
    private static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
                + "2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
                + "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj\n"
                + "trailer <</Root 1 0 R>>\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
