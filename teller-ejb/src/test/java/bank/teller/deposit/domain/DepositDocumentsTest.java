package bank.teller.deposit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.shared.Money;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
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
        for (String expected : new String[] {"10000123", "0001030000000123", "10,000.00", "1.50 %", "2027-11-30"}) {
            assertTrue(printed(reader, expected), expected);
        }
    }

    /**
     * Whether the first page shows {@code text} (letters, digits and punctuation): written in the CJK font
     * (UniGB-UCS2-H), each character is two bytes (UTF-16BE) in the page's content, which a text
     * extractor cannot map back. (Chinese characters' bytes may be escaped there: not looked for.)
     */
    private static boolean printed(PdfReader reader, String text) throws Exception {
        String content = new String(reader.getPageContent(1), StandardCharsets.ISO_8859_1);
        return content.contains(new String(text.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1));
    }

    @Test
    void theSlipListsEachPeriodAndTheTotal() throws Exception {
        TimeDeposit deposit = TimeDeposit.open(DepositProduct.TIME_1Y, Money.cny("10000.00"), LocalDate.parse("2026-01-15"),
                new RateTable(Map.of(LocalDate.parse("2000-01-01"), new BigDecimal("0.0150"))), Renewal.NONE);
        InterestSlip slip = deposit.payout(LocalDate.parse("2027-02-14"), LocalDate.parse("2027-01-15"),
                new RateTable(Map.of(LocalDate.parse("2000-01-01"), new BigDecimal("0.0035"))));
        byte[] pdf = DepositDocuments.interestSlip("示范银行 Demo Bank", "0001030000000123", "张三", "10000123",
                LocalDate.parse("2027-02-14"), "teller1", slip);
        PdfReader reader = new PdfReader(pdf);
        for (String expected : new String[] {"150.00", "2.92", "152.92", "2026-01-15 – 2027-01-15", "360", "30", "1.5",
                "0.35"}) {
            assertTrue(printed(reader, expected), expected);
        }
    }
}
