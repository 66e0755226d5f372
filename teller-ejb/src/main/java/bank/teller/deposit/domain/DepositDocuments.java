package bank.teller.deposit.domain;

import bank.teller.shared.ChineseCapitalAmount;
import bank.teller.shared.Money;
import bank.teller.shared.Pdfs;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.Utilities;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;

/**
 * A deposit's printed documents: the certificate (存单), printed on the numbered pre-printed blank
 * (its values only, each at its place on the form), and the interest slip (利息清单) of a withdrawal.
 */
public final class DepositDocuments {

    /** The pre-printed certificate form: 210 mm × 99 mm (a third of A4, as the blanks are cut). */
    static final Rectangle CERTIFICATE_FORM = new Rectangle(Utilities.millimetersToPoints(210),
            Utilities.millimetersToPoints(99));

    /** What a certificate shows. */
    public record Certificate(String certificateNo, String accountNumber, String holderName, String product,
                              Money principal, String ratePercent, LocalDate valueDate, LocalDate maturesOn,
                              String renewal, String branch, String teller, LocalDate issuedOn) {
    }

    private DepositDocuments() {
    }

    /**
     * The certificate's values at their places on the form (millimetres from the form's top left):
     * the form itself carries the bank's name, the labels and the lines.
     */
    public static byte[] certificate(Certificate c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(CERTIFICATE_FORM, 0, 0, 0, 0);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.open();
            PdfContentByte page = writer.getDirectContent();
            Font text = Pdfs.chinese(10, Font.NORMAL);
            Font strong = Pdfs.chinese(11, Font.BOLD);
            place(page, strong, 150, 12, "No. " + c.certificateNo());
            place(page, text, 30, 26, c.holderName());
            place(page, text, 120, 26, c.accountNumber());
            place(page, text, 30, 36, c.product());
            place(page, text, 120, 36, c.ratePercent() == null ? "" : c.ratePercent() + " %");
            place(page, strong, 30, 48, "人民币 " + ChineseCapitalAmount.of(c.principal()));
            place(page, strong, 150, 48, "¥" + Pdfs.figures(c.principal()));
            place(page, text, 30, 60, c.valueDate().toString());
            place(page, text, 90, 60, c.maturesOn() == null ? "" : c.maturesOn().toString());
            place(page, text, 150, 60, c.renewal() == null ? "" : c.renewal());
            place(page, text, 30, 84, c.branch());
            place(page, text, 120, 84, c.teller());
            place(page, text, 165, 84, c.issuedOn().toString());
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("certificate " + c.certificateNo() + " could not be rendered", e);
        }
        return out.toByteArray();
    }

    private static void place(PdfContentByte page, Font font, float fromLeftMm, float fromTopMm, String value) {
        ColumnText.showTextAligned(page, Element.ALIGN_LEFT, new Phrase(value, font),
                Utilities.millimetersToPoints(fromLeftMm), CERTIFICATE_FORM.getHeight()
                        - Utilities.millimetersToPoints(fromTopMm), 0);
    }

    /** The interest slip (利息清单) of a withdrawal: each period's principal, rate, days and interest, and the total. */
    public static byte[] interestSlip(String bankName, String accountNumber, String holderName, String certificateNo,
                                      LocalDate businessDate, String teller, InterestSlip slip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A5.rotate(), 36, 36, 30, 30);
        try {
            Font title = Pdfs.chinese(14, Font.BOLD);
            Font text = Pdfs.chinese(9, Font.NORMAL);
            PdfWriter.getInstance(document, out);
            document.open();
            Paragraph heading = new Paragraph(bankName + "  利息清单 Interest slip", title);
            heading.setAlignment(Element.ALIGN_CENTER);
            document.add(heading);
            document.add(new Paragraph("账号 Account " + accountNumber + "   户名 Name " + holderName + "   存单 Certificate "
                    + (certificateNo == null ? "-" : certificateNo) + "   日期 Date " + businessDate + "   柜员 Teller "
                    + teller, text));
            document.add(new Paragraph(" ", text));
            PdfPTable table = new PdfPTable(new float[]{2f, 3f, 2f, 1.2f, 1f, 1.6f});
            table.setWidthPercentage(100);
            for (String header : new String[]{"计息方式 Rate", "期间 Period", "本金 Principal", "年利率 Rate %",
                    "天数 Days", "利息 Interest"}) {
                table.addCell(Pdfs.cell(header, text, Element.ALIGN_CENTER));
            }
            for (InterestLine line : slip.lines()) {
                table.addCell(Pdfs.cell(kind(line.kind()), text, Element.ALIGN_LEFT));
                table.addCell(Pdfs.cell(line.from() + " – " + line.to(), text, Element.ALIGN_LEFT));
                table.addCell(Pdfs.cell(Pdfs.figures(line.principal()), text, Element.ALIGN_RIGHT));
                table.addCell(Pdfs.cell(RateTable.percent(line.annualRate()), text,
                        Element.ALIGN_RIGHT));
                table.addCell(Pdfs.cell(String.valueOf(line.days()), text, Element.ALIGN_RIGHT));
                table.addCell(Pdfs.cell(Pdfs.figures(line.interest()), text, Element.ALIGN_RIGHT));
            }
            document.add(table);
            document.add(new Paragraph("利息合计 Total interest: " + slip.total().currency() + " "
                    + Pdfs.figures(slip.total()) + "  (人民币" + ChineseCapitalAmount.of(slip.total()) + ")", text));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("interest slip of " + accountNumber + " could not be rendered", e);
        }
        return out.toByteArray();
    }

    private static String kind(InterestLine.Kind kind) {
        return switch (kind) {
            case TERM -> "定期 Term";
            case EARLY -> "提前支取 Early (demand)";
            case OVERDUE -> "逾期 Overdue (demand)";
            case NOTICE -> "通知 Notice";
            case NOTICE_AT_DEMAND -> "活期 Demand (no notice)";
        };
    }
}
