package bank.teller.account.application;

import bank.teller.shared.Csv;
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
import java.time.format.DateTimeFormatter;
import org.apache.commons.csv.CSVFormat;

/** A statement as PDF (A4, Chinese and English headings) and as CSV (one row per posting, figures plain). */
final class StatementDocuments {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String[] CSV_HEADER = {"business_date", "posted_at", "entry_id", "type", "debit", "credit",
        "balance_after", "teller"};

    private StatementDocuments() {
    }

    static byte[] pdf(String bankName, Statement s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            Font title = Pdfs.chinese(14, Font.BOLD);
            Font text = Pdfs.chinese(9, Font.NORMAL);
            PdfWriter.getInstance(document, out);
            document.open();
            Paragraph heading = new Paragraph(bankName + "  账户对账单 Account statement", title);
            heading.setAlignment(Element.ALIGN_CENTER);
            document.add(heading);
            document.add(new Paragraph("账号 Account: " + s.account().accountNumber() + "    户名 Name: "
                    + s.account().holderName() + "    币种 Currency: " + s.currency(), text));
            document.add(new Paragraph("期间 Period: " + s.from() + " – " + s.to() + "    期初余额 Opening balance: "
                    + amount(s.openingBalance(), s.currency()), text));
            document.add(new Paragraph(" ", text));
            PdfPTable table = new PdfPTable(new float[]{1.2f, 1.8f, 1.6f, 1.3f, 1.3f, 1.4f, 0.9f});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String header : new String[]{"日期 Date", "时间 Time", "摘要 Type", "借方 Debit", "贷方 Credit",
                "余额 Balance", "柜员 Teller"}) {
                table.addCell(Pdfs.cell(header, text, Element.ALIGN_CENTER));
            }
            for (AccountTransaction line : s.lines()) {
                boolean debit = "DEBIT".equals(line.side());
                table.addCell(Pdfs.cell(line.businessDate().toString(), text, Element.ALIGN_LEFT));
                table.addCell(Pdfs.cell(TIME.format(line.postedAt().atZone(Pdfs.BANK_ZONE)), text, Element.ALIGN_LEFT));
                table.addCell(Pdfs.cell(TransactionNames.of(line.type()), text, Element.ALIGN_LEFT));
                table.addCell(Pdfs.cell(debit ? Pdfs.figures(Money.cny(line.amount())) : "", text, Element.ALIGN_RIGHT));
                table.addCell(Pdfs.cell(debit ? "" : Pdfs.figures(Money.cny(line.amount())), text, Element.ALIGN_RIGHT));
                // a hot account's pending credit has no balance after (folded in later): the cell stays empty
                table.addCell(Pdfs.cell(line.balanceAfter() == null ? "" : Pdfs.figures(Money.cny(line.balanceAfter())),
                        text, Element.ALIGN_RIGHT));
                table.addCell(Pdfs.cell(line.teller(), text, Element.ALIGN_LEFT));
            }
            document.add(table);
            document.add(new Paragraph(" ", text));
            document.add(new Paragraph("借方合计 Total debits (" + s.debitCount() + "): " + amount(s.totalDebits(), s.currency())
                    + "    贷方合计 Total credits (" + s.creditCount() + "): " + amount(s.totalCredits(), s.currency()), text));
            document.add(new Paragraph("期末余额 Closing balance: " + amount(s.closingBalance(), s.currency()), text));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("statement of " + s.account().accountNumber() + " could not be rendered", e);
        }
        return out.toByteArray();
    }

    /** CSV (RFC 4180, UTF-8): a header, one row per posting, then opening, totals and closing as rows. */
    static String csv(Statement s) {
        return Csv.text(CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get(), row -> {
            row.print(s.from(), "", "", "OPENING_BALANCE", "", "", s.openingBalance(), "");
            for (AccountTransaction line : s.lines()) {
                boolean debit = "DEBIT".equals(line.side());
                row.print(line.businessDate(), line.postedAt(), line.entryId(), line.type(),
                        debit ? line.amount() : "", debit ? "" : line.amount(), line.balanceAfter(), line.teller());
            }
            row.print(s.to(), "", "", "TOTALS", s.totalDebits(), s.totalCredits(), "", "");
            row.print(s.to(), "", "", "CLOSING_BALANCE", "", "", s.closingBalance(), "");
        });
    }

    private static String amount(String amount, String currency) {
        return currency + " " + Pdfs.figures(Money.cny(amount));
    }
}
