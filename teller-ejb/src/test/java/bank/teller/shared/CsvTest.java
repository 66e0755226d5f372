package bank.teller.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsShownAsText() {
        assertArrayEquals(new Object[]{"'=HYPERLINK(\"http://evil.example\",\"x\")", "'+1", "'-1+2", "'@SUM(A1)",
                        "'\tx", "'\rx", "张三", "", "a=b"},
                Csv.cells("=HYPERLINK(\"http://evil.example\",\"x\")", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx", "张三", "",
                        "a=b"));
    }

    @Test
    void numbersAndDatesPassAsTheyAre() {
        Object[] values = {new BigDecimal("-5.00"), 42L, LocalDate.of(2026, 11, 29), null};
        assertArrayEquals(values, Csv.cells(values));
    }

    @Test
    void anExportStartsWithTheByteOrderMark() {
        String out = Csv.text(CSVFormat.RFC4180.builder().setHeader("name").get(), row -> row.print("=1+1"));
        assertEquals("\uFEFFname\r\n'=1+1\r\n", out);
    }
}
