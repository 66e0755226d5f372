package bank.teller.deposit.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A time or notice deposit as the counter sees it: its account, holder, product and terms, the
 * certificate (存单) now valid for it, its loss report if one is in force, what withdrawing everything
 * today would pay ({@code payoutToday}, none once closed), and its history, newest last.
 */
public record DepositView(String accountNumber, long customerId, String holderName, String product, String status,
                          String principal, String currency, String ratePercent, LocalDate termStart,
                          LocalDate maturesOn, LocalDate payableFrom, String renewal, boolean partlyWithdrawn,
                          LocalDate noticeDate, String noticeAmount, String settlementAccount, String certificateNo,
                          String branchCode, Loss loss, SlipView payoutToday, List<Event> history) {

    /** The loss report in force (存单挂失): oral until it lapses, written until its waiting period is over. */
    public record Loss(String kind, String certificateNo, LocalDate reportedOn, LocalDate lapsesAfter,
                       LocalDate waitOverOn) {
    }

    /** One step of the deposit's history. */
    public record Event(String event, LocalDate businessDate, String certificateNo, String amount, String interest,
                        Long entryId, String detail, String actor, Instant at, SlipView slip) {
    }
}
