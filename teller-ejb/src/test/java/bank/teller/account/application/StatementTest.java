package bank.teller.account.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.shared.Money;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class StatementTest {

    private static final LocalDate FROM = LocalDate.of(2026, 11, 1);
    private static final LocalDate TO = LocalDate.of(2026, 11, 27);
    private static final AccountView ACCOUNT = new AccountView("0001010000000016", 50L, "张三", "INDIVIDUAL",
            "110105********002X", "INDIVIDUAL_I", "01", "ACTIVE", "CNY", "1150.00", "1150.00", "0001", FROM, null, null);

    private static AccountTransaction line(long entry, String type, String side, String amount, String after) {
        return new AccountTransaction(entry, TO, Instant.parse("2026-11-27T02:00:00Z"), type, side, amount, "CNY", after,
                "teller1");
    }

    private static final List<AccountTransaction> LINES = List.of(
            line(1, "CASH_DEPOSIT", "CREDIT", "1000.00", "1200.50"),
            line(2, "CASH_WITHDRAWAL", "DEBIT", "50.50", "1150.00"),
            line(3, "TRANSFER", "CREDIT", "0.01", "1150.01"),
            line(3, "TRANSFER", "DEBIT", "0.01", "1150.00"));

    @Test
    void theTotalsAndTheClosingBalanceFollowFromTheOpeningBalanceAndEveryLine() {
        Statement statement = Statement.of(ACCOUNT, FROM, TO, Money.cny("200.50"), LINES);
        assertEquals("200.50", statement.openingBalance());
        assertEquals("1000.01", statement.totalCredits());
        assertEquals(2, statement.creditCount());
        assertEquals("50.51", statement.totalDebits());
        assertEquals(2, statement.debitCount());
        assertEquals("1150.00", statement.closingBalance());
    }

    @Test
    void aLineWhoseBalanceDoesNotFollowIsNeverPrinted() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Statement.of(ACCOUNT, FROM, TO, Money.cny("200.00"), LINES));
        assertTrue(e.getMessage().contains("entry 1"), e.getMessage());
    }

    @Test
    void anEmptyPeriodClosesAtItsOpeningBalance() {
        Statement statement = Statement.of(ACCOUNT, FROM, TO, Money.cny("99.99"), List.of());
        assertEquals("99.99", statement.closingBalance());
        assertEquals("0.00", statement.totalDebits());
    }

    @Test
    void theCsvHasAHeaderEveryLineAndTheTotals() {
        String csv = StatementDocuments.csv(Statement.of(ACCOUNT, FROM, TO, Money.cny("200.50"), LINES));
        assertEquals('\uFEFF', csv.charAt(0), "a byte-order mark first, so Excel reads UTF-8");
        List<String> rows = csv.substring(1).lines().toList();
        assertEquals("business_date,posted_at,entry_id,type,debit,credit,balance_after,teller", rows.get(0));
        assertEquals("2026-11-01,,,OPENING_BALANCE,,,200.50,", rows.get(1));
        assertEquals("2026-11-27,2026-11-27T02:00:00Z,2,CASH_WITHDRAWAL,50.50,,1150.00,teller1", rows.get(3));
        assertEquals("2026-11-27,,,TOTALS,50.51,1000.01,,", rows.get(6));
        assertEquals("2026-11-27,,,CLOSING_BALANCE,,,1150.00,", rows.get(7));
        assertEquals(8, rows.size());
    }

    @Test
    void aHotAccountsPendingCreditsPrintWithoutABalanceAfter() throws IOException {
        // a hot account: its credits pending (no balance after), its debit with the row's balance after
        List<AccountTransaction> hot = List.of(line(1, "CASH_DEPOSIT", "CREDIT", "1000.00", null),
                line(2, "CASH_WITHDRAWAL", "DEBIT", "50.50", "150.00"));
        Statement statement = Statement.of(ACCOUNT, FROM, TO, Money.cny("200.50"), hot);
        assertEquals("1150.00", statement.closingBalance(), "the postings' sums");
        assertTrue(StatementDocuments.csv(statement).contains("2026-11-27,2026-11-27T02:00:00Z,1,CASH_DEPOSIT,,1000.00,,teller1"));
        try (PDDocument document = Loader.loadPDF(StatementDocuments.pdf("示范银行 Demo Bank", statement))) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("CNY 1,150.00"), text);
        }
    }

    @Test
    void thePdfShowsThePeriodEveryLineAndTheBalances() throws IOException {
        byte[] pdf = StatementDocuments.pdf("示范银行 Demo Bank", Statement.of(ACCOUNT, FROM, TO, Money.cny("200.50"), LINES));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            for (String expected : new String[]{"账户对账单", "0001010000000016", "张三", "2026-11-01", "2026-11-27",
                    "CNY 200.50", "现金存款", "1,000.00", "50.50", "1,150.01", "CNY 1,000.01", "CNY 50.51",
                    "CNY 1,150.00"}) {
                assertTrue(text.contains(expected), "missing " + expected + " in:\n" + text);
            }
        }
    }
}
