package bank.teller.deposit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.shared.Money;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The certificate (存单) on its pre-printed form, and the interest slip (利息清单). */
class DepositDocumentsTest {

    @Test
    void theCertificateIsOnePageTheSizeOfTheBlankWithItsNumberAndTheAmount() throws Exception {
        byte[] pdf = DepositDocuments.certificate(new DepositDocuments.Certificate("10000123", "0001030000000123",
                "张三", DepositProduct.TIME_1Y.printedName(), Money.cny("10000.00"), "1.50", LocalDate.parse("2026-11-30"),
                LocalDate.parse("2027-11-30"), Renewal.NONE.printedName(), "0001", "teller1", LocalDate.parse("2026-11-30")));
        PdfReader reader = new PdfReader(pdf);
        assertEquals(1, reader.getNumberOfPages());
        Rectangle page = reader.getPageSize(1);
        assertEquals(DepositDocuments.CERTIFICATE_FORM.getWidth(), page.getWidth(), 0.5f);
        assertEquals(DepositDocuments.CERTIFICATE_FORM.getHeight(), page.getHeight(), 0.5f);
        String text = text(pdf);
        for (String expected : new String[] {"10000123", "0001030000000123", "张三", "人民币 壹万元整", "¥10,000.00",
                "1.50 %", "2026-11-30", "2027-11-30", "整存整取 1年", "不转存"}) {
            assertTrue(text.contains(expected), expected + " in " + text);
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theSlipListsEachPeriodAndTheTotal() throws Exception {
        TimeDeposit deposit = TimeDeposit.open(DepositProduct.TIME_1Y, Money.cny("10000.00"), LocalDate.parse("2026-01-15"),
                new RateTable(Map.of(LocalDate.parse("2000-01-01"), new BigDecimal("0.0150"))), Renewal.NONE);
        InterestSlip slip = deposit.payout(LocalDate.parse("2027-02-14"), LocalDate.parse("2027-01-15"),
                new RateTable(Map.of(LocalDate.parse("2000-01-01"), new BigDecimal("0.0035"))));
        byte[] pdf = DepositDocuments.interestSlip("示范银行 Demo Bank", "0001030000000123", "张三", "10000123",
                LocalDate.parse("2027-02-14"), "teller1", slip);
        String text = text(pdf);
        for (String expected : new String[] {"利息清单", "定期 Term", "逾期 Overdue", "150.00", "2.92", "152.92",
                "2026-01-15 – 2027-01-15", "360", "30", "1.5", "0.35", "人民币壹佰伍拾贰元玖角贰分"}) {
            assertTrue(text.contains(expected), expected + " in " + text);
        }
    }
}
