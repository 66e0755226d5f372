package bank.teller.payment.application;

import bank.teller.payment.domain.Claim;
import bank.teller.payment.domain.ClaimEvent;
import bank.teller.payment.domain.ClaimLine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A reimbursement claim as its claimant, its approvers and the teller who pays it see it: its lines and
 * receipts, where it stands (the step and the role it waits for), and its history.
 */
public record ClaimView(String claimNo, String claimant, String title, String payeeAccount, String total, String status,
                        List<String> steps, Integer stepNo, String waitingFor, List<Line> lines,
                        List<Attachment> attachments, List<Event> history, Instant createdAt, Instant updatedAt) {

    /** A line: category, amount, the day spent, a note. */
    public record Line(int lineNo, String category, String amount, LocalDate spentOn, String note) {
    }

    /** A receipt attached (its content by its id). */
    public record Attachment(long id, String fileName, String contentType, int sizeBytes) {
    }

    /** A step of its history. */
    public record Event(String action, Integer stepNo, String role, String actor, String note, Instant at) {
    }

    static ClaimView of(Claim claim, List<Attachment> attachments, List<ClaimEvent> events) {
        return new ClaimView(claim.claimNo(), claim.claimant(), claim.title(), claim.payeeAccount(),
                claim.total().toPlainString(), claim.status().name(), claim.steps(), claim.stepNo(),
                claim.status() == Claim.Status.IN_APPROVAL ? claim.currentRole() : null,
                claim.lines().stream().map(ClaimView::line).toList(), attachments,
                events.stream().map(e -> new Event(e.action(), e.stepNo(), e.role(), e.actor(), e.note(), e.at())).toList(),
                claim.createdAt(), claim.updatedAt());
    }

    private static Line line(ClaimLine line) {
        return new Line(line.lineNo(), line.category().name(), line.amount().toPlainString(), line.spentOn(),
                line.note());
    }
}
