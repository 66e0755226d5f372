package bank.teller.approval.application;

import bank.teller.approval.domain.ApprovalRequest;
import java.time.Instant;
import java.time.LocalDate;

/** A request for approval as the maker and the checker see it. */
public record ApprovalView(long id, String operation, String amount, String accountNumber, String summary,
                           String maker, String branchCode, LocalDate businessDate, String status, String checker,
                           String decisionNote, Instant createdAt, Instant decidedAt) {

    static ApprovalView of(ApprovalRequest r) {
        return new ApprovalView(r.id(), r.operation(), r.amount() == null ? null : r.amount().toPlainString(),
                r.accountNumber(), r.summary(), r.maker(), r.branchCode(), r.businessDate(), r.status(), r.checker(),
                r.decisionNote(), r.createdAt(), r.decidedAt());
    }
}
