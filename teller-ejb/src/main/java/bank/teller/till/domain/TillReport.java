package bank.teller.till.domain;

import bank.teller.shared.Money;
import bank.teller.shared.Pdfs;
import bank.teller.shared.TransactionNames;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The till's close report (尾箱轧账单) as PDF: every cash movement of the session, then the count. */
public final class TillReport {

    /** One cash movement of the session: into the till (IN) or out of it (OUT). */
    public record Movement(long entryId, Instant postedAt, String type, String accountNumber, String direction,
                           Money amount, String teller) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private TillReport() {
    }

    public static byte[] pdf(String bankName, TillSession s, Money position, List<Movement> movements,
                             List<BlankVoucher> blankVouchers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            Font title = Pdfs.chinese(14, Font.BOLD);
            Font text = Pdfs.chinese(9, Font.NORMAL);
            PdfWriter.getInstance(document, out);
            document.open();
            Paragraph heading = new Paragraph(bankName + "  尾箱轧账单 Till close report", title);
            heading.setAlignment(Element.ALIGN_CENTER);
            document.add(heading);
            document.add(new Paragraph("网点 Branch " + s.branchCode() + "    尾箱 Till " + s.tillCode() + "    柜员 Teller "
                    + s.teller() + "    营业日 Business date " + s.businessDate() + "    状态 Status " + s.status(), text));
            document.add(new Paragraph(" ", text));
            PdfPTable table = new PdfPTable(new float[]{0.9f, 1f, 2f, 2f, 1.2f, 1.2f, 1f});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String header : new String[]{"流水 Entry", "时间 Time", "摘要 Type", "账号 Account", "收入 In", "付出 Out",
                "柜员 Teller"}) {
                table.addCell(Pdfs.cell(header, text, Element.ALIGN_CENTER));
            }
            Money in = Money.zero(Money.CNY);
            Money paid = Money.zero(Money.CNY);
            for (Movement m : movements) {
                boolean intoTill = "IN".equals(m.direction());
                in = intoTill ? in.plus(m.amount()) : in;
                paid = intoTill ? paid : paid.plus(m.amount());
                table.addCell(Pdfs.cell(String.valueOf(m.entryId()), text, Element.ALIGN_LEFT));
                table.addCell(Pdfs.cell(TIME.format(m.postedAt().atZone(Pdfs.BANK_ZONE)), text, Element.ALIGN_LEFT));
                table.addCell(Pdfs.cell(TransactionNames.of(m.type()), text, Element.ALIGN_LEFT));
                table.addCell(Pdfs.cell(m.accountNumber() == null ? "" : m.accountNumber(), text, Element.ALIGN_LEFT));
                table.addCell(Pdfs.cell(intoTill ? grouped(m.amount()) : "", text, Element.ALIGN_RIGHT));
                table.addCell(Pdfs.cell(intoTill ? "" : grouped(m.amount()), text, Element.ALIGN_RIGHT));
                table.addCell(Pdfs.cell(m.teller(), text, Element.ALIGN_LEFT));
            }
            document.add(table);
            document.add(new Paragraph(" ", text));
            document.add(new Paragraph("期初 Opening " + grouped(s.openingCash()) + "    收入 In " + grouped(in)
                    + "    付出 Out " + grouped(paid) + "    账面 Expected "
                    + grouped(s.expectedCash() != null ? s.expectedCash() : position), text));
            if (s.countedCash() != null) {
                document.add(new Paragraph("清点 Counted " + grouped(s.countedCash()) + " (" + s.countDetail() + ")"
                        + "    差额 Difference " + grouped(s.difference()), text));
            }
            if (s.approvedBy() != null) {
                document.add(new Paragraph("长短款处理 Difference booked by " + s.approvedBy() + ": " + s.closeNote(), text));
            }
            document.add(new Paragraph(" ", text));
            document.add(new Paragraph("重要空白凭证 Blank vouchers (" + blankVouchers.size() + ")", text));
            for (BlankVoucher v : blankVouchers) {
                document.add(new Paragraph(v.key().kind() + " " + v.key().serialNo() + "  " + v.status()
                        + (v.note() == null ? "" : "  " + v.note()), text));
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("till report of session " + s.id() + " could not be rendered", e);
        }
        return out.toByteArray();
    }


    private static String grouped(Money amount) {
        return "CNY " + Pdfs.figures(amount);
    }
}
