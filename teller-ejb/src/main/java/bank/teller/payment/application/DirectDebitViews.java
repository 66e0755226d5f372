package bank.teller.payment.application;

import bank.teller.payment.domain.DebitFile;
import bank.teller.payment.domain.DirectDebitMandate;
import java.time.Instant;
import java.time.LocalDate;

/** What the direct-debit screens and the API show: mandates and debit files with their progress. */
public final class DirectDebitViews {

    private DirectDebitViews() {
    }

    /** A payer's mandate for a company. */
    public record Mandate(String agreement, String mandateRef, String payerAccount, String limitPerDebit,
                          String limitPerMonth, LocalDate validFrom, LocalDate expiresOn, String status, String signedBy,
                          Instant signedAt, Instant cancelledAt) {

        static Mandate of(String agreement, DirectDebitMandate mandate) {
            DirectDebitMandate.Terms terms = mandate.terms();
            return new Mandate(agreement, mandate.mandateRef(), mandate.payerAccount(),
                    terms.limitPerDebit().toPlainString(), terms.limitPerMonth().toPlainString(), terms.validFrom(),
                    terms.expiresOn(), mandate.status(), mandate.signedBy(), mandate.signedAt(), mandate.cancelledAt());
        }
    }

    /** A company's debit file: its lines by where they stand, and once done the total credited to the company. */
    public record File(long id, String agreement, String fileRef, LocalDate businessDate, String status, int lines,
                       long pending, long paid, long refused, String paidTotal, Long executionId, Long creditedEntryId,
                       Instant receivedAt, Instant completedAt) {

        static File of(String agreement, DebitFile file, long pending, long paid, long refused) {
            return new File(file.id(), agreement, file.fileRef(), file.businessDate(), file.status(), file.lineCount(),
                    pending, paid, refused, file.paidTotal() == null ? null : file.paidTotal().toPlainString(),
                    file.executionId(), file.creditedEntryId(), file.receivedAt(), file.completedAt());
        }
    }
}
