package bank.teller.voucher.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class VoucherPdfTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private static VoucherContent transfer(Instant confirmedAt) {
        return new VoucherContent("0001-20261127-001-000042", "TRANSFER", "0001", "示范银行总行营业部",
                "Demo Bank Head Office Branch", TODAY, Instant.parse("2026-11-27T02:03:04Z"), 4711L,
                VoucherContent.maskAccount("0001010000000016"), "张三", VoucherContent.maskAccount("0001020000000024"),
                "北京示范科技有限公司", "12345.60", "10.00", "CNY", "87654.40", "teller1", "柜员一 Teller One", 0,
                confirmedAt == null ? null : "teller1", confirmedAt, confirmedAt == null ? null : 4712L, false);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void aVoucherShowsEverythingTheCustomerSignsFor() throws IOException {
        String text = text(VoucherPdf.render("示范银行 Demo Bank", transfer(null), false));
        for (String expected : new String[]{"示范银行", "转账", "0001-20261127-001-000042", "示范银行总行营业部",
                "2026-11-27", "2026-11-27 10:03:04", "000101******0016", "张三", "000102******0024",
                "北京示范科技有限公司", "CNY 12,345.60", "人民币壹万贰仟叁佰肆拾伍元陆角整", "CNY 10.00",
                "CNY 87,654.40", "teller1", "客户签字确认"}) {
            assertTrue(text.contains(expected), "missing " + expected + " in:\n" + text);
        }
        assertFalse(text.contains("0001010000000016"), "the account number is masked");
        assertFalse(text.contains("COPY"), "the first print is the original");
    }

    @Test
    void aFeePaidInCashForAServiceToTheAccountLeavesItsBalanceUnchanged() throws IOException {
        VoucherContent fee = new VoucherContent("0001-20261127-001-000043", "CERTIFICATE_LOSS_REPORT", "0001",
                "示范银行总行营业部", "Demo Bank Head Office Branch", TODAY, Instant.parse("2026-11-27T02:03:04Z"), 4713L,
                VoucherContent.maskAccount("0001030000000097"), "张三", null, null, "0.00", "10.00", "CNY", null,
                "teller1", "柜员一 Teller One", 0, null, null, null, false);
        String text = text(VoucherPdf.render("示范银行 Demo Bank", fee, false));
        assertTrue(text.contains("存单挂失") && text.contains("CNY 10.00") && text.contains("不变 Unchanged"), text);
        assertFalse(text.contains("Being credited"), text);
    }

    @Test
    void aTrainingBranchsVoucherSaysTrainingAndThatItIsOfNoEffect() throws IOException {
        VoucherContent v = transfer(null);
        VoucherContent training = new VoucherContent("9900-20261127-001-000001", v.transactionType(), "9900", "培训网点",
                "Training branch", v.businessDate(), v.postedAt(), v.entryId(), v.accountMasked(), v.holderName(),
                v.counterpartyMasked(), v.counterpartyName(), v.amount(), v.fee(), v.currency(), v.balanceAfter(),
                v.teller(), v.tellerName(), 0, null, null, null, true);
        String text = text(VoucherPdf.render("示范银行 Demo Bank", training, false));
        assertTrue(text.contains("【培训 TRAINING】") && text.contains("培训凭证，不具效力"), text);
        assertFalse(text(VoucherPdf.render("示范银行 Demo Bank", v, false)).contains("TRAINING"));
    }

    @Test
    void aReprintSaysCopyAndAConfirmedVoucherSaysWhen() throws IOException {
        String text = text(VoucherPdf.render("示范银行 Demo Bank", transfer(Instant.parse("2026-11-27T02:05:00Z")), true));
        assertTrue(text.contains("副本 COPY"), text);
        assertTrue(text.contains("已冲正 REVERSED") && text.contains("4712"), text);
        assertTrue(text.contains("2026-11-27 10:05:00"), text);
    }

    @Test
    void voucherNumbersAreBranchDateTillAndSequenceAndCountTheirPrints() {
        Voucher voucher = new Voucher(1L, "0001", TODAY, "001", 42, "0001010000000016", null, "teller1");
        assertEquals("0001-20261127-001-000042", voucher.number());
        assertFalse(voucher.printed(), "first print");
        assertTrue(voucher.printed(), "second print is a copy");
        assertTrue(voucher.printed());
        voucher.confirm("teller1", "0001", false, Instant.parse("2026-11-27T02:05:00Z"));
        assertEquals(ErrorCode.VOUCHER_ALREADY_CONFIRMED, assertThrows(TellerException.class,
                () -> voucher.confirm("teller1", "0001", false, Instant.parse("2026-11-27T02:06:00Z"))).code());
    }

    @Test
    void onlyThePostingTellerOrASupervisorOfTheBranchRecordsTheCustomersConfirmation() {
        Instant at = Instant.parse("2026-11-27T02:05:00Z");
        Voucher voucher = new Voucher(1L, "0001", TODAY, "001", 43, "0001010000000016", null, "teller1");
        assertEquals(ErrorCode.VOUCHER_NOT_YOURS, assertThrows(TellerException.class,
                () -> voucher.confirm("teller2", "0001", false, at)).code(), "another teller");
        assertEquals(ErrorCode.VOUCHER_NOT_YOURS, assertThrows(TellerException.class,
                () -> voucher.confirm("super9", "0002", true, at)).code(), "a supervisor of another branch");
        voucher.confirm("super1", "0001", true, at);
        assertEquals("super1", voucher.confirmedBy());
    }
}
