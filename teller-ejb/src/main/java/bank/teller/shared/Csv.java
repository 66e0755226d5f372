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
 */
public final class Csv {

    public static final char BYTE_ORDER_MARK = '\uFEFF';

    private Csv() {
    }

    /** A printer into {@code out} that has written the byte-order mark already. */
    public static CSVPrinter printer(StringWriter out, CSVFormat format) {
        out.write(BYTE_ORDER_MARK);
        try {
            return new CSVPrinter(out, format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
