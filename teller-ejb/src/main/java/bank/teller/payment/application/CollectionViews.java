package bank.teller.payment.application;

import bank.teller.account.application.Receipt;
import bank.teller.payment.domain.CsvLines;
import bank.teller.payment.domain.CollectionAgreement;
import bank.teller.payment.domain.CollectionBill;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the collection screens and the API show: agreements, bills, a load's report, a payment's receipt. */
public final class CollectionViews {

    private CollectionViews() {
    }

    /** A company's collection agreement. */
    public record Agreement(String code, String name, String category, String companyAccount, boolean active,
                            Instant createdAt) {

        static Agreement of(CollectionAgreement agreement) {
            return new Agreement(agreement.code(), agreement.name(), agreement.category().name(),
                    agreement.companyAccount(), agreement.active(), agreement.createdAt());
        }
    }

    /** A bill, open or paid (how, from which account, when, by whom). */
    public record Bill(String agreement, String billRef, String payerName, String amount, LocalDate dueDate,
                       String status, String paidMethod, String paidFrom, LocalDate paidOn, Instant paidAt,
                       String paidBy) {

        static Bill of(String agreement, CollectionBill bill) {
            return new Bill(agreement, bill.billRef(), bill.payerName(), bill.amount().toPlainString(), bill.dueDate(),
                    bill.status(), bill.paidMethod(), bill.paidFrom(), bill.paidOn(), bill.paidAt(), bill.paidBy());
        }
    }

    /** A bill list loaded: how many rows it had, how many bills were taken, and each row refused with its line. */
    public record LoadReport(String agreement, int rows, int accepted, List<CsvLines.Refusal> refused) {
    }

    /** A bill paid: the posting's receipt (its voucher) and the bill as it is now. */
    public record Payment(Receipt receipt, Bill bill) {
    }
}
