package bank.teller.voucher.domain;

import bank.teller.shared.ChineseCapitalAmount;
import bank.teller.shared.Money;
import bank.teller.shared.Pdfs;
import bank.teller.shared.TransactionNames;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGState;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;

/**
 * Renders a voucher as a one-page PDF (A5 landscape), labels in Chinese and English, in the
 * {@link Pdfs} font. A copy is marked 副本 COPY in its title; a training branch's voucher 培训 TRAINING, in
 * its title and across the page, and says it is of no effect.
 */
public final class VoucherPdf {


    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private VoucherPdf() {
    }

    public static byte[] render(String bankName, VoucherContent v, boolean copy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A5.rotate(), 36, 36, 30, 30);
        try {
            Font title = Pdfs.chinese(14, Font.BOLD);
            Font text = Pdfs.chinese(10, Font.NORMAL);
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.open();
            Paragraph heading = new Paragraph((v.training() ? "【培训 TRAINING】 " : "") + bankName + "  "
                    + TransactionNames.of(v.transactionType()) + " 凭证 Voucher" + (copy ? "  【副本 COPY】" : ""), title);
            heading.setAlignment(Element.ALIGN_CENTER);
            document.add(heading);
            document.add(new Paragraph(v.branchNameZh() + " " + v.branchNameEn() + " (" + v.branchCode() + ")", text));
            document.add(new Paragraph(" ", text));

            PdfPTable table = new PdfPTable(new float[]{1.2f, 2.8f, 1.2f, 2.8f});
            table.setWidthPercentage(100);
            row(table, text, "凭证号 Voucher No.", v.voucherNo(), "交易日期 Business date", v.businessDate().toString());
            row(table, text, "交易时间 Time", TIME.format(v.postedAt().atZone(Pdfs.BANK_ZONE)) + " (UTC+8)",
                    "流水号 Entry", String.valueOf(v.entryId()));
            row(table, text, "账号 Account", v.accountMasked(), "户名 Name", v.holderName());
            if (v.counterpartyMasked() != null) {
                row(table, text, "对方账号 Counterparty", v.counterpartyMasked(), "对方户名 Name", v.counterpartyName());
            }
            row(table, text, "金额 Amount", v.currency() + " " + grouped(v.amount()),
                    "手续费 Fee", v.currency() + " " + grouped(v.fee()));
            PdfPCell capitals = Pdfs.cell("大写金额 In words: 人民币" + ChineseCapitalAmount.of(Money.cny(v.amount())),
                    text, Element.ALIGN_LEFT);
            capitals.setColspan(4);
            table.addCell(capitals);
            row(table, text, "余额 Balance after", v.balanceAfter() != null ? v.currency() + " " + grouped(v.balanceAfter())
                            // a fee paid in cash for a service to the account moves nothing on it
                            : Money.cny(v.amount()).isZero() ? "不变 Unchanged" : "入账中 Being credited",
                    "柜员 Teller", v.teller() + " " + v.tellerName());
            document.add(table);
            document.add(new Paragraph(" ", text));
            if (v.reversedByEntry() != null) {
                document.add(new Paragraph("已冲正 REVERSED — 冲正流水 reversal entry " + v.reversedByEntry(), title));
            }
            document.add(new Paragraph(v.confirmedAt() == null
                    ? "客户签字确认 Customer's confirmation: ______________________"
                    : "客户已签字确认 Confirmed by the customer: " + TIME.format(v.confirmedAt().atZone(Pdfs.BANK_ZONE))
                    + " (" + v.confirmedBy() + ")", text));
            if (v.training()) {
                document.add(new Paragraph("培训凭证，不具效力 Training voucher: of no effect", title));
                PdfContentByte over = writer.getDirectContent();
                over.saveState();
                PdfGState faint = new PdfGState();
                faint.setFillOpacity(0.15f);
                over.setGState(faint);
                ColumnText.showTextAligned(over, Element.ALIGN_CENTER, new Phrase("培训 TRAINING",
                        Pdfs.chinese(60, Font.BOLD)), document.getPageSize().getWidth() / 2,
                        document.getPageSize().getHeight() / 2, 20);
                over.restoreState();
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("voucher " + v.voucherNo() + " could not be rendered", e);
        }
        return out.toByteArray();
    }

    private static void row(PdfPTable table, Font font, String label1, String value1, String label2, String value2) {
        for (String s : new String[]{label1, value1, label2, value2}) {
            table.addCell(Pdfs.cell(s, font, Element.ALIGN_LEFT));
        }
    }

    private static String grouped(String amount) {
        return Pdfs.figures(Money.cny(amount));
    }
}
