package bank.teller.payment.domain;

import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * A company's bill list (账单清单) as it sends it ({@link CsvLines}): the header {@code
 * bill_ref,payer_name,amount[,due_date]} and one bill per row; a bill listed twice is refused the
 * second time.
 */
public final class BillList {

    public static final int MAX_ROWS = 50_000;
    static final List<String> HEADER = List.of("bill_ref", "payer_name", "amount", "due_date");
    private static final String BILL_REF = "[A-Za-z0-9-]{1,32}";

    /** A bill of the list. */
    public record Bill(int line, String billRef, String payerName, Money amount, LocalDate dueDate) {
    }

    private BillList() {
    }

    public static CsvLines.Parsed<Bill> parse(String text) {
        return CsvLines.parse(text, HEADER, 3, MAX_ROWS, Bill.class, Bill::billRef, "BILL_DUPLICATE", BillList::row);
    }

    /** The row's bill, or its refusal. */
    private static Object row(CSVRecord record, int line) {
        String billRef = record.get(0);
        if (!billRef.matches(BILL_REF)) {
            return new CsvLines.Refusal(line, "BILL_REF_INVALID", "bill_ref must be 1-32 letters, digits or '-': "
                    + CsvLines.clip(billRef));
        }
        String payer = record.get(1);
        if (payer.isEmpty() || payer.length() > 60 || payer.chars().anyMatch(Character::isISOControl)) {
            return new CsvLines.Refusal(line, "PAYER_NAME_INVALID", "payer_name must be 1-60 characters");
        }
        Money amount;
        try {
            amount = Money.parse(record.get(2), Money.CNY).requirePositive();
        } catch (TellerException e) {
            return new CsvLines.Refusal(line, "AMOUNT_INVALID", "amount must be a positive amount in yuan and fen: "
                    + CsvLines.clip(record.get(2)));
        }
        LocalDate due = null;
        if (record.size() > 3 && !record.get(3).isEmpty()) {
            try {
                due = LocalDate.parse(record.get(3));
            } catch (DateTimeParseException e) {
                return new CsvLines.Refusal(line, "DUE_DATE_INVALID", "due_date must be YYYY-MM-DD: "
                        + CsvLines.clip(record.get(3)));
            }
        }
        return new Bill(line, billRef, payer, amount, due);
    }
}
