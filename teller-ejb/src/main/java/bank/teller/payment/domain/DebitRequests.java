package bank.teller.payment.domain;

import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * A company's file of direct-debit requests (代扣文件) as it sends it ({@link CsvLines}): the header
 * {@code mandate_ref,amount} and one debit per row.
 */
public final class DebitRequests {

    public static final int MAX_ROWS = 100_000;
    static final List<String> HEADER = List.of("mandate_ref", "amount");

    /** A debit the company asks for: the payer's mandate by its reference, and the amount. */
    public record Debit(int line, String mandateRef, Money amount) {
    }

    private DebitRequests() {
    }

    public static CsvLines.Parsed<Debit> parse(String text) {
        return CsvLines.parse(text, HEADER, 2, MAX_ROWS, Debit.class, null, null, DebitRequests::row);
    }

    private static Object row(CSVRecord record, int line) {
        String mandate = record.get(0);
        if (!mandate.matches(DirectDebitMandate.REF_PATTERN)) {
            return new CsvLines.Refusal(line, "MANDATE_REF_INVALID", "mandate_ref must be 1-32 letters, digits or '-': "
                    + CsvLines.clip(mandate));
        }
        try {
            return new Debit(line, mandate, Money.parse(record.get(1), Money.CNY).requirePositive());
        } catch (TellerException e) {
            return new CsvLines.Refusal(line, "AMOUNT_INVALID", "amount must be a positive amount in yuan and fen: "
                    + CsvLines.clip(record.get(1)));
        }
    }
}
