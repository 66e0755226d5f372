package bank.teller.shared;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.time.ZoneId;

/**
 * What every PDF the bank prints (vouchers, statements, till reports) has in common: the bank's
 * name ({@code -Dteller.bank.name}), its local time zone, the font, table cells and amounts. The
 * font is the Adobe standard CJK font STSongStd-Light (UniGB-UCS2-H), which every PDF reader
 * provides and OpenPDF knows, so no font file is shipped or embedded; it also carries Latin
 * letters and digits.
 */
public final class Pdfs {

    public static final String BANK_NAME = System.getProperty("teller.bank.name", "示范银行 Demo Bank");
    /** The bank's local time, in which printed documents show times. */
    public static final ZoneId BANK_ZONE = ZoneId.of("Asia/Shanghai");

    private Pdfs() {
    }

    public static Font chinese(float size, int style) {
        try {
            return new Font(BaseFont.createFont("STSongStd-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED), size, style);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("the CJK font STSongStd-Light is missing from OpenPDF", e);
        }
    }

    /** A padded table cell. */
    public static PdfPCell cell(String value, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(value == null ? "" : value, font));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(3);
        return cell;
    }

    /** An amount with thousands separators and two decimals, as printed: "1,234.50". */
    public static String figures(Money amount) {
        return new DecimalFormat("#,##0.00").format(amount.amount());
    }
}
