package bank.teller.web;

import bank.teller.report.ReportView;
import bank.teller.report.ReportView.Column;
import bank.teller.report.ReportView.Kind;
import bank.teller.shared.Pdfs;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A business report in the reader's language (zh_CN or en): its title and heading lines, the
 * columns' headers, labels put into words, and a line of totals; as CSV (UTF-8 with a byte-order
 * mark, so a spreadsheet opens the Chinese right), as an Excel workbook (.xlsx, Apache POI: numbers
 * as numbers) and as PDF (OpenPDF, A4 landscape).
 */
public final class ReportExports {

    private static final String BUNDLE = "bank.teller.web.messages";

    private final ReportView report;
    private final ResourceBundle words;

    public ReportExports(ReportView report, Locale locale) {
        this.report = report;
        this.words = ResourceBundle.getBundle(BUNDLE, locale);
    }

    /** The report's name in words. */
    public String title() {
        return word("report." + report.report());
    }

    /** The lines under the title: period, branch (or the bank), and whether this is the copy kept at end of day. */
    public List<String> heading() {
        List<String> lines = new ArrayList<>();
        lines.add(Pdfs.BANK_NAME);
        lines.add(word("report.period") + ": " + report.from() + (report.from().equals(report.to()) ? ""
                : " — " + report.to()));
        lines.add(word("report.branch") + ": " + (report.branchCode() == null ? word("report.bank") : report.branchCode()));
        if (report.kept()) {
            lines.add(word("report.kept") + " " + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                    report.generatedAt().atZone(Pdfs.BANK_ZONE).toLocalDateTime().withNano(0)));
        }
        return lines;
    }

    public List<String> headers() {
        return report.columns().stream().map(c -> word("report.col." + c.key())).toList();
    }

    /** The rows as shown: labels in words, amounts with separators. */
    public List<List<String>> shownRows() {
        return report.rows().stream().map(row -> {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add(shown(report.columns().get(i), row.get(i)));
            }
            return cells;
        }).toList();
    }

    /** The line of totals: "Total" in the first column, the sums of the count and amount columns. */
    public List<String> totals() {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < report.columns().size(); i++) {
            String total = report.total(i);
            cells.add(i == 0 ? word("report.total") : total == null ? "" : shown(report.columns().get(i), total));
        }
        return cells;
    }

    private String shown(Column column, String value) {
        return switch (column.kind()) {
            case LABEL -> word(value);
            case AMOUNT -> new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
                    .format(new BigDecimal(value));
            default -> "*".equals(value) ? word("report.bank") : value;
        };
    }

    private String word(String key) {
        return words.containsKey(key) ? words.getString(key) : key;
    }

    /** The file name of the report in {@code extension}: report, branch, period. */
    public String fileName(String extension) {
        return report.report().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
                + (report.branchCode() == null ? "bank" : report.branchCode()) + "-" + report.from()
                + (report.from().equals(report.to()) ? "" : "-" + report.to()) + "." + extension;
    }

    public byte[] csv() {
        StringWriter text = new StringWriter();
        text.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180)) {
            csv.printRecord(title());
            for (String line : heading()) {
                csv.printRecord(line);
            }
            csv.printRecord(headers());
            for (List<String> row : report.rows()) { // figures as plain numbers, labels in words
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    cells.add(report.columns().get(i).kind() == Kind.LABEL ? word(row.get(i)) : row.get(i));
                }
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public byte[] xlsx() {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(title()));
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            CellStyle bold = book.createCellStyle();
            org.apache.poi.ss.usermodel.Font boldFont = book.createFont();
            boldFont.setBold(true);
            bold.setFont(boldFont);
            int r = 0;
            Cell titleCell = sheet.createRow(r++).createCell(0);
            titleCell.setCellValue(title());
            titleCell.setCellStyle(bold);
            for (String line : heading()) {
                sheet.createRow(r++).createCell(0).setCellValue(line);
            }
            r++;
            Row header = sheet.createRow(r++);
            List<String> headers = headers();
            for (int i = 0; i < headers.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(bold);
            }
            for (List<String> values : report.rows()) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    put(row.createCell(i), report.columns().get(i), values.get(i), money);
                }
            }
            Row total = sheet.createRow(r);
            total.createCell(0).setCellValue(word("report.total"));
            for (int i = 1; i < report.columns().size(); i++) {
                String sum = report.total(i);
                if (sum != null) {
                    put(total.createCell(i), report.columns().get(i), sum, money);
                }
            }
            for (int i = 0; i < headers.size(); i++) {
                sheet.setColumnWidth(i, 18 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void put(Cell cell, Column column, String value, CellStyle money) {
        switch (column.kind()) {
            case COUNT -> cell.setCellValue(Long.parseLong(value));
            case AMOUNT -> {
                cell.setCellValue(new BigDecimal(value).doubleValue()); // a spreadsheet's number; the text is exact
                cell.setCellStyle(money);
            }
            case LABEL -> cell.setCellValue(word(value));
            default -> cell.setCellValue("*".equals(value) ? word("report.bank") : value);
        }
    }

    public byte[] pdf() {
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfWriter.getInstance(document, out);
            document.open();
            Font titleFont = Pdfs.chinese(14, Font.BOLD);
            Font font = Pdfs.chinese(9, Font.NORMAL);
            Font boldFont = Pdfs.chinese(9, Font.BOLD);
            Paragraph heading = new Paragraph(title(), titleFont);
            heading.setAlignment(Element.ALIGN_CENTER);
            document.add(heading);
            for (String line : heading()) {
                document.add(new Paragraph(line, font));
            }
            document.add(new Paragraph(" ", font));
            PdfPTable table = new PdfPTable(report.columns().size());
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String header : headers()) {
                table.addCell(Pdfs.cell(header, boldFont, Element.ALIGN_CENTER));
            }
            for (List<String> row : shownRows()) {
                for (int i = 0; i < row.size(); i++) {
                    table.addCell(Pdfs.cell(row.get(i), font, alignment(report.columns().get(i))));
                }
            }
            List<String> totals = totals();
            for (int i = 0; i < totals.size(); i++) {
                table.addCell(Pdfs.cell(totals.get(i), boldFont, alignment(report.columns().get(i))));
            }
            document.add(table);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot write the report's PDF", e);
        }
        return out.toByteArray();
    }

    private static int alignment(Column column) {
        return column.kind() == Kind.COUNT || column.kind() == Kind.AMOUNT ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT;
    }
}
