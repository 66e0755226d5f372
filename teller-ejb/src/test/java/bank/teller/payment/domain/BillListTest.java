package bank.teller.payment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bank.teller.shared.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BillListTest {

    @Test
    void goodRowsAreBillsAndBadOnesAreRefusedByLine() {
        CsvLines.Parsed<BillList.Bill> parsed = BillList.parse("bill_ref,payer_name,amount,due_date\n"
                + "A1, 张三 ,1.00,2026-12-01\n"
                + "\n"
                + "A2,,1.00,\n"
                + "A3,李四,0,\n"
                + "A4,王五,\"2.50\",\n");
        assertEquals(List.of(new BillList.Bill(2, "A1", "张三", Money.cny("1.00"), LocalDate.of(2026, 12, 1)),
                new BillList.Bill(6, "A4", "王五", Money.cny("2.50"), null)), parsed.items());
        assertEquals(List.of("4 PAYER_NAME_INVALID", "5 AMOUNT_INVALID"),
                parsed.refused().stream().map(r -> r.line() + " " + r.code()).toList());
    }

    @Test
    void aFileWithoutItsHeaderIsRefusedWholeAndAnUnclosedQuoteStopsTheReadingThere() {
        assertEquals("HEADER_INVALID", BillList.parse("").refused().get(0).code());
        assertEquals("HEADER_INVALID", BillList.parse("A1,张三,1.00\n").refused().get(0).code());
        CsvLines.Parsed<BillList.Bill> cut = BillList.parse("bill_ref,payer_name,amount\nA1,张三,1.00\nA2,\"李四,2.00\nA3,王五,3.00\n");
        assertEquals(List.of("A1"), cut.items().stream().map(BillList.Bill::billRef).toList());
        assertEquals("ROW_MALFORMED", cut.refused().get(0).code());
    }
}
