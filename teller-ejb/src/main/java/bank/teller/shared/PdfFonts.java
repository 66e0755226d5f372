package bank.teller.shared;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The font of every PDF the bank prints: the Adobe standard CJK font STSongStd-Light
 * (UniGB-UCS2-H), which every PDF reader provides and OpenPDF knows, so no font file is shipped or
 * embedded; it also carries Latin letters and digits.
 */
public final class PdfFonts {

    private PdfFonts() {
    }

    public static Font chinese(float size, int style) {
        try {
            return new Font(BaseFont.createFont("STSongStd-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED), size, style);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (com.lowagie.text.DocumentException e) {
            throw new IllegalStateException("the CJK font STSongStd-Light is missing from OpenPDF", e);
        }
    }
}
