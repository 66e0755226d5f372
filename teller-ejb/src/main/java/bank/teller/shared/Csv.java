package bank.teller.shared;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV exports as branch staff open them: UTF-8 beginning with a byte-order mark, which Excel on a
 * Chinese Windows desktop needs to read the file as UTF-8 (without it, it reads GBK and the Chinese
 * comes out garbled). Other readers (Python's utf-8-sig, LibreOffice, commons-csv) skip the mark.
 * Every row an export prints through {@link #text} goes through {@link #cells}, so that no text a
 * customer or a caller chose (a name, a note) is run by the spreadsheet as a formula.
 */
public final class Csv {

    public static final char BYTE_ORDER_MARK = '\uFEFF';

    private Csv() {
    }

    /**
     * The values of a row, each text that a spreadsheet would take for a formula or a command (it
     * starts with =, +, -, @, a tab or a carriage return) prefixed with an apostrophe, which the
     * spreadsheet shows as text (OWASP's advice against CSV injection). Numbers, dates and instants
     * pass as they are.
     */
    public static Object[] cells(Object... values) {
        Object[] cells = values.clone();
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] instanceof CharSequence text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                cells[i] = "'" + text;
            }
        }
        return cells;
    }

    /** Writes an export's rows, each through {@link #cells}. */
    @FunctionalInterface
    public interface Rows {
        void write(Row row) throws IOException;
    }

    /** One row of an export. */
    @FunctionalInterface
    public interface Row {
        void print(Object... values) throws IOException;
    }

    /** The export in {@code format} (its header, then what {@code rows} prints), byte-order mark first. */
    public static String text(CSVFormat format, Rows rows) {
        StringWriter out = new StringWriter();
        out.write(BYTE_ORDER_MARK);
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            rows.write(values -> printer.printRecord(cells(values)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
