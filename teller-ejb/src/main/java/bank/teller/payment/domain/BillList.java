package bank.teller.payment.domain;

import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A company's bill list (账单清单) as it sends it: CSV in UTF-8 (a byte-order mark is skipped), a
 * header {@code bill_ref,payer_name,amount[,due_date]} and one bill per row. Each row is read on its
 * own: a good row is a {@link Bill}, a bad one a {@link Refusal} with its line and why, so a file with
 * a few bad rows still gives the good ones.
 */
public final class BillList {

    public static final int MAX_ROWS = 50_000;
    static final List<String> HEADER = List.of("bill_ref", "payer_name", "amount", "due_date");
    private static final String BILL_REF = "[A-Za-z0-9-]{1,32}";

    /** A bill of the list. */
    public record Bill(int line, String billRef, String payerName, Money amount, LocalDate dueDate) {
    }

    /** A row refused: its line in the file (the header is line 1), a code and what was wrong. */
    public record Refusal(int line, String code, String detail) {
    }

    /** What the list holds: its good bills and its refused rows (a bad header refuses the whole list, as line 1). */
    public record Parsed(List<Bill> bills, List<Refusal> refused) {
    }

    private BillList() {
    }

    public static Parsed parse(String text) {
        String body = text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Bill> bills = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).build();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            List<String> columns = parser.getHeaderNames();
            if (columns.size() < 3 || !columns.subList(0, 3).equals(HEADER.subList(0, 3))) {
                refused.add(new Refusal(1, "HEADER_INVALID", "the header must be " + String.join(",", HEADER)
                        + " (due_date optional)"));
                return new Parsed(List.of(), refused);
            }
            Set<String> seen = new HashSet<>();
            LineCounter lines = new LineCounter(body);
            for (CSVRecord record : parser) {
                int line = lines.of(record.getCharacterPosition());
                if (bills.size() + refused.size() >= MAX_ROWS) {
                    refused.add(new Refusal(line, "TOO_MANY_ROWS", "a list has at most " + MAX_ROWS + " bills"));
                    break;
                }
                Object row = row(record, line, columns.size() > 3);
                if (row instanceof Bill bill && !seen.add(bill.billRef())) {
                    refused.add(new Refusal(line, "BILL_DUPLICATE", bill.billRef() + " is listed twice"));
                } else if (row instanceof Bill bill) {
                    bills.add(bill);
                } else {
                    refused.add((Refusal) row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException malformed) {
            // commons-csv's refusal of a file it cannot read on (an unclosed quote): the rows read so far stand
            refused.add(new Refusal(bills.size() + refused.size() + 2, "ROW_MALFORMED", String.valueOf(malformed.getMessage())));
        }
        return new Parsed(bills, refused);
    }

    /**
     * The line (from 1) each record starts on, for records met in order: commons-csv numbers records,
     * not lines, and a record's position is where the empty lines before it begin.
     */
    private static final class LineCounter {
        private final String body;
        private int position;
        private int line = 1;

        LineCounter(String body) {
            this.body = body;
        }

        int of(long recordPosition) {
            int start = (int) recordPosition;
            while (start < body.length() && (body.charAt(start) == '\n' || body.charAt(start) == '\r')) {
                start++;
            }
            for (; position < start; position++) {
                if (body.charAt(position) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    /** The row's bill, or its refusal. */
    private static Object row(CSVRecord record, int line, boolean hasDueDate) {
        if (!record.isConsistent()) {
            return new Refusal(line, "ROW_MALFORMED", "expected " + record.getParser().getHeaderNames().size()
                    + " columns, found " + record.size());
        }
        String billRef = record.get(0);
        if (!billRef.matches(BILL_REF)) {
            return new Refusal(line, "BILL_REF_INVALID", "bill_ref must be 1-32 letters, digits or '-': " + clip(billRef));
        }
        String payer = record.get(1);
        if (payer.isEmpty() || payer.length() > 60 || payer.chars().anyMatch(Character::isISOControl)) {
            return new Refusal(line, "PAYER_NAME_INVALID", "payer_name must be 1-60 characters");
        }
        Money amount;
        try {
            amount = Money.parse(record.get(2), Money.CNY).requirePositive();
        } catch (TellerException e) {
            return new Refusal(line, "AMOUNT_INVALID", "amount must be a positive amount in yuan and fen: "
                    + clip(record.get(2)));
        }
        LocalDate due = null;
        if (hasDueDate && !record.get(3).isEmpty()) {
            try {
                due = LocalDate.parse(record.get(3));
            } catch (DateTimeParseException e) {
                return new Refusal(line, "DUE_DATE_INVALID", "due_date must be YYYY-MM-DD: " + clip(record.get(3)));
            }
        }
        return new Bill(line, billRef, payer, amount, due);
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
