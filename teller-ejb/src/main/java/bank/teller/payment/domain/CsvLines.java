package bank.teller.payment.domain;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A file of rows a company sends (a bill list, a debit file): CSV in UTF-8 (a byte-order mark is
 * skipped) with a header, one item per row. Each row is read on its own: a good row is an item, a bad
 * one a {@link Refusal} with its line in the file and why, so a file with a few bad rows still gives
 * the good ones. A header that is not the expected one refuses the whole file, as line 1.
 */
public final class CsvLines {

    /** A row refused: its line in the file (the header is line 1), a code and what was wrong. */
    public record Refusal(int line, String code, String detail) {
    }

    /** What a file holds: its good items and its refused rows. */
    public record Parsed<T>(List<T> items, List<Refusal> refused) {
    }

    /** Reads one row (its line given): the item, or a {@link Refusal}. */
    @FunctionalInterface
    public interface RowReader<T> {
        Object read(CSVRecord record, int line);
    }

    private CsvLines() {
    }

    /**
     * @param header   the columns, the first {@code required} of them required in that order
     * @param key      what makes two rows the same item (refused the second time as {@code duplicate}), or null
     */
    public static <T> Parsed<T> parse(String text, List<String> header, int required, int maxRows, Class<T> type,
                                      Function<T, String> key, String duplicate, RowReader<T> reader) {
        String body = text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<T> items = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).build();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            List<String> columns = parser.getHeaderNames();
            if (columns.size() < required || !columns.subList(0, required).equals(header.subList(0, required))) {
                refused.add(new Refusal(1, "HEADER_INVALID", "the header must be " + String.join(",", header)
                        + (required < header.size() ? " (" + String.join(", ", header.subList(required, header.size()))
                        + " optional)" : "")));
                return new Parsed<>(List.of(), refused);
            }
            Set<String> seen = new HashSet<>();
            LineCounter lines = new LineCounter(body);
            for (CSVRecord record : parser) {
                int line = lines.of(record.getCharacterPosition());
                if (items.size() + refused.size() >= maxRows) {
                    refused.add(new Refusal(line, "TOO_MANY_ROWS", "a file has at most " + maxRows + " rows"));
                    break;
                }
                Object row = record.isConsistent() ? reader.read(record, line) : new Refusal(line, "ROW_MALFORMED",
                        "expected " + columns.size() + " columns, found " + record.size());
                if (type.isInstance(row) && key != null && !seen.add(key.apply(type.cast(row)))) {
                    refused.add(new Refusal(line, duplicate, key.apply(type.cast(row)) + " is listed twice"));
                } else if (type.isInstance(row)) {
                    items.add(type.cast(row));
                } else {
                    refused.add((Refusal) row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException malformed) {
            // commons-csv's refusal of a file it cannot read on (an unclosed quote): the rows read so far stand
            refused.add(new Refusal(items.size() + refused.size() + 2, "ROW_MALFORMED",
                    String.valueOf(malformed.getMessage())));
        }
        return new Parsed<>(items, refused);
    }

    /** The text of a value for a refusal's detail, cut to 40 characters. */
    public static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
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
}
