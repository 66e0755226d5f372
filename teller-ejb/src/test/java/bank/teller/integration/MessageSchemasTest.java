package bank.teller.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.AccountTransaction;
import bank.teller.account.application.AccountView;
import bank.teller.account.application.CardView;
import bank.teller.account.application.OnlineAccountOpening;
import bank.teller.account.application.Receipt;
import bank.teller.deposit.application.DepositView;
import bank.teller.deposit.application.SlipView;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.ledger.domain.Side;
import bank.teller.payment.application.ClearingAnswers;
import bank.teller.payment.application.DirectDebitViews;
import bank.teller.payment.application.WireView;
import bank.teller.payment.application.Wires;
import bank.teller.payment.domain.ClearingRoute;
import bank.teller.payment.domain.IncomingWire;
import bank.teller.payment.domain.SuspenseReason;
import bank.teller.payment.domain.Wire;
import bank.teller.payment.domain.WireStatus;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The messages Teller writes conform to their published JSON Schemas, and it reads what its schema allows. */
class MessageSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ChannelMessages.Request INQUIRY = ChannelMessages.Request.inquiry("mb-0001", "0001010000000016");
    private static final ChannelMessages.Request TRANSFER =
            ChannelMessages.Request.transfer("mb-0002", "0001010000000016", "0001010000000024", "12.50", "CNY");

    @Test
    void aCorePostingConformsToItsSchema() throws Exception {
        JournalEntry entry = JournalEntry.balanced("CASH_DEPOSIT", LocalDate.of(2026, 11, 27), "0001", "teller1",
                "req-00000001", Instant.parse("2026-11-27T01:02:03.456789Z"), List.of(
                        PostingLine.gl(GlCodes.TILL_CASH, Side.DEBIT, Money.cny("100.00")),
                        PostingLine.customer(GlCodes.INDIVIDUAL_DEMAND_DEPOSITS, "0001010000000016", Side.CREDIT,
                                Money.cny("100.00"), Money.cny("100.00"))));
        assignId(entry, 4711L);
        assertConforms("teller.core.posting.v1.json", CorePostingPublisher.toJson(entry));
    }

    @Test
    void aBalanceReplyAndARefusalConformToTheReplySchema() throws Exception {
        AccountView account = new AccountView("0001010000000016", 50L, "张三", "INDIVIDUAL", "110105********002X",
                "INDIVIDUAL_I", "01", "ACTIVE", "CNY", "1200.50", "1200.50", "0001", LocalDate.of(2026, 11, 27), null, null);
        assertConforms("teller.channel.reply.v1.json", ChannelMessages.balance(INQUIRY, account));
        assertConforms("teller.channel.reply.v1.json", ChannelMessages.refusal(INQUIRY, ErrorCode.ACCOUNT_NOT_FOUND));
    }

    @Test
    void aTransferReplyAndItsRefusalConformToTheReplySchema() throws Exception {
        Receipt receipt = new Receipt(4711L, "TRANSFER", "0001010000000016", "0001010000000024", "12.50", "0.00", "CNY",
                "87.50", LocalDate.of(2026, 11, 27), Instant.parse("2026-11-27T01:02:03Z"), "channel", "mb-0002", null);
        assertConforms("teller.channel.reply.v1.json", ChannelMessages.transferred(TRANSFER, receipt));
        assertConforms("teller.channel.reply.v1.json", ChannelMessages.refusal(TRANSFER, ErrorCode.INSUFFICIENT_FUNDS));
        assertFalse(errors("teller.channel.reply.v1.json", ChannelMessages.balance(TRANSFER, new AccountView(
                "0001010000000016", 50L, "张三", "INDIVIDUAL", "x", "INDIVIDUAL_I", "01", "ACTIVE", "CNY", "1.00", "1.00",
                "0001", LocalDate.of(2026, 11, 27), null, null)))
                .isEmpty(), "an OK transfer reply without its entry must not pass");
    }

    @Test
    void aDepositReplyAndANoticeReplyConformToTheReplySchemaAndTheirRequestsAreRead() throws Exception {
        String inquiry = "{\"version\":1,\"requestId\":\"mb-0003\",\"type\":\"DEPOSIT_INQUIRY\","
                + "\"accountNumber\":\"0001030000000097\"}";
        String notice = "{\"version\":1,\"requestId\":\"mb-0004\",\"type\":\"DEPOSIT_NOTICE\","
                + "\"accountNumber\":\"0001050000000105\",\"date\":\"2026-12-07\",\"amount\":\"50000.00\"}";
        assertConforms("teller.channel.request.v1.json", inquiry);
        assertConforms("teller.channel.request.v1.json", notice);
        assertEquals(ChannelMessages.Request.depositInquiry("mb-0003", "0001030000000097"), ChannelMessages.parse(inquiry));
        assertEquals(ChannelMessages.Request.notice("mb-0004", "0001050000000105", "2026-12-07", "50000.00"),
                ChannelMessages.parse(notice));
        assertFalse(errors("teller.channel.request.v1.json", notice.replace(",\"date\":\"2026-12-07\"", "")).isEmpty(),
                "a notice without its date must not pass");

        DepositView time = new DepositView("0001030000000097", 1L, "张三", "TIME_1Y", "ACTIVE", "5000.00", "CNY", "1.50",
                LocalDate.of(2026, 11, 29), LocalDate.of(2027, 11, 29), LocalDate.of(2027, 11, 29), "NONE", false, null,
                null, null, "00000004", "0001", null, new SlipView("5000.00", List.of(), "0.00", "CNY"), List.of());
        assertConforms("teller.channel.reply.v1.json", ChannelMessages.deposit(ChannelMessages.parse(inquiry), time));
        DepositView noticed = new DepositView("0001050000000105", 1L, "张三", "NOTICE_7D", "ACTIVE", "100000.00", "CNY",
                null, LocalDate.of(2026, 11, 29), null, null, null, false, LocalDate.of(2026, 12, 7), "50000.00", null,
                "00000005", "0001", new DepositView.Loss("ORAL", "00000005", LocalDate.of(2026, 11, 29),
                LocalDate.of(2026, 12, 4), null), null, List.of());
        assertConforms("teller.channel.reply.v1.json", ChannelMessages.deposit(ChannelMessages.parse(notice), noticed));
        assertConforms("teller.channel.reply.v1.json",
                ChannelMessages.refusal(ChannelMessages.parse(notice), ErrorCode.DEPOSIT_NOTICE_TOO_SOON));
    }

    @Test
    void aTransferRequestIsReadWithCNYAsTheDefaultCurrency() throws Exception {
        String request = "{\"version\":1,\"requestId\":\"mb-0002\",\"type\":\"TRANSFER\","
                + "\"payerAccountNumber\":\"0001010000000016\",\"payeeAccountNumber\":\"0001010000000024\","
                + "\"amount\":\"12.50\"}";
        assertConforms("teller.channel.request.v1.json", request);
        assertEquals(TRANSFER, ChannelMessages.parse(request));
    }

    @Test
    void aRequestThatConformsToTheRequestSchemaIsRead() throws Exception {
        String request = "{\"schema\":\"teller.channel.request\",\"version\":1,\"requestId\":\"mb-0001\","
                + "\"type\":\"BALANCE_INQUIRY\",\"accountNumber\":\"0001010000000016\"}";
        assertConforms("teller.channel.request.v1.json", request);
        assertEquals(INQUIRY, ChannelMessages.parse(request));
    }

    @Test
    void anOnlineOpeningATransactionPageAndACardLossAreReadAndAnsweredByTheirSchemas() throws Exception {
        String opening = "{\"version\": 1, \"requestId\": \"mb-0100\", \"type\": \"ACCOUNT_OPENING\", "
                + "\"accountType\": \"INDIVIDUAL_II\", \"name\": \"张三\", \"residentId\": \"11010519491231002X\", "
                + "\"phone\": \"13800138000\", \"boundAccountNumber\": \"6222020200112233\", \"boundBank\": \"102100099996\"}";
        assertConforms("teller.channel.request.v1.json", opening);
        ChannelMessages.Request request = ChannelMessages.parse(opening);
        assertEquals(new ChannelMessages.Opening("INDIVIDUAL_II", new OnlineAccountOpening.Applicant("张三",
                "11010519491231002X", "13800138000", null, null), "6222020200112233", "102100099996"), request.opening());
        AccountView account = new AccountView("0000010000000042", 51L, "张三", "INDIVIDUAL", "110105********002X",
                "INDIVIDUAL_II", "01", "ACTIVE", "CNY", "0.00", "0.00", "0000", LocalDate.of(2026, 11, 30), null, null);
        assertConforms("teller.channel.reply.v1.json", ChannelMessages.opened(request,
                new OnlineAccountOpening.Opened(account, "6222020200112233", "102100099996")));
        assertConforms("teller.channel.reply.v1.json", ChannelMessages.refusal(request,
                ErrorCode.ACCOUNT_OPENING_AT_COUNTER));

        String page = "{\"version\": 1, \"requestId\": \"mb-0101\", \"type\": \"TRANSACTION_INQUIRY\", "
                + "\"accountNumber\": \"0001010000000016\", \"page\": 1, \"pageSize\": 2}";
        assertConforms("teller.channel.request.v1.json", page);
        ChannelMessages.Request inquiry = ChannelMessages.parse(page);
        assertEquals(new ChannelMessages.Page(1, 2), inquiry.page());
        assertEquals(new ChannelMessages.Page(0, 20), ChannelMessages.parse(page.replace(", \"page\": 1, \"pageSize\": 2",
                "")).page(), "the first page of 20 when not said");
        assertConforms("teller.channel.reply.v1.json", ChannelMessages.transactions(inquiry, List.of(
                new AccountTransaction(4711L, LocalDate.of(2026, 11, 30), Instant.parse("2026-11-30T01:02:03Z"),
                        "CASH_DEPOSIT", "CREDIT", "100.00", "CNY", "100.00", "teller1")), 3));

        String loss = "{\"version\": 1, \"requestId\": \"mb-0102\", \"type\": \"CARD_LOSS_REPORT\", "
                + "\"cardNumber\": \"6217000010000000017\"}";
        assertConforms("teller.channel.request.v1.json", loss);
        assertConforms("teller.channel.reply.v1.json", ChannelMessages.card(ChannelMessages.parse(loss), new CardView(
                "621700******0017", null, "0001010000000016", "LOST", LocalDate.of(2036, 11, 30), null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "[1, 2]",
            "{\"version\": 1, \"type\": \"BALANCE_INQUIRY\", \"accountNumber\": ",
            "{\"version\": 2, \"requestId\": \"r1\", \"type\": \"BALANCE_INQUIRY\", \"accountNumber\": \"1\"}",
            "{\"version\": \"1\", \"requestId\": \"r1\", \"type\": \"BALANCE_INQUIRY\", \"accountNumber\": \"1\"}",
            "{\"version\": 1.5, \"requestId\": \"r1\", \"type\": \"BALANCE_INQUIRY\", \"accountNumber\": \"1\"}",
            // whose low 32 bits are 1: found by BadInputIT
            "{\"version\": -9223372036854775807, \"requestId\": \"r1\", \"type\": \"BALANCE_INQUIRY\", \"accountNumber\": \"1\"}",
            "{\"version\": 4294967297, \"requestId\": \"r1\", \"type\": \"BALANCE_INQUIRY\", \"accountNumber\": \"1\"}",
            "{\"version\": 1e999999, \"requestId\": \"r1\", \"type\": \"BALANCE_INQUIRY\", \"accountNumber\": \"1\"}",
            "{\"schema\": \"teller.channel.reply\", \"version\": 1, \"requestId\": \"r1\", \"type\": \"BALANCE_INQUIRY\", "
                    + "\"accountNumber\": \"1\"}",
            "{\"schema\": null, \"version\": 1, \"requestId\": \"r1\", \"type\": \"BALANCE_INQUIRY\", \"accountNumber\": \"1\"}",
            "{\"version\": 1, \"type\": \"BALANCE_INQUIRY\", \"accountNumber\": \"1\"}",
            "{\"version\": 1, \"requestId\": \"r1\", \"type\": \"TRANSFER_MONEY\", \"accountNumber\": \"1\"}",
            "{\"version\": 1, \"requestId\": \"r1\", \"type\": \"BALANCE_INQUIRY\"}",
            "{\"version\": 1, \"requestId\": 42, \"type\": \"BALANCE_INQUIRY\", \"accountNumber\": \"1\"}",
            "{\"version\": 1, \"requestId\": \"r1\", \"type\": \"TRANSFER\", \"payerAccountNumber\": \"1\", \"amount\": \"1.00\"}",
            "{\"version\": 1, \"requestId\": \"r1\", \"type\": \"TRANSFER\", \"payerAccountNumber\": \"1\", "
                    + "\"payeeAccountNumber\": \"2\", \"amount\": 1.00}",
            "{\"version\": 1, \"requestId\": \"r1\", \"type\": \"ACCOUNT_OPENING\", \"accountType\": \"INDIVIDUAL_II\", "
                    + "\"name\": \"张三\", \"residentId\": \"11010519491231002X\", \"phone\": \"1\"}",
            "{\"version\": 1, \"requestId\": \"r1\", \"type\": \"TRANSACTION_INQUIRY\", \"accountNumber\": \"1\", \"page\": -1}",
            "{\"version\": 1, \"requestId\": \"r1\", \"type\": \"TRANSACTION_INQUIRY\", \"accountNumber\": \"1\", "
                    + "\"pageSize\": 201}",
            "{\"version\": 1, \"requestId\": \"r1\", \"type\": \"TRANSACTION_INQUIRY\", \"accountNumber\": \"1\", \"page\": 1.5}",
            "{\"version\": 1, \"requestId\": \"r1\", \"type\": \"CARD_LOSS_REPORT\"}"
    })
    void anythingElseIsMalformedAndGoesToTheDeadLetterQueue(String body) {
        assertThrows(MalformedMessageException.class, () -> ChannelMessages.parse(body));
    }

    @Test
    void aChannelsWireAndItsInquiryAreReadAndTheirRepliesConformToTheReplySchema() throws Exception {
        String send = "{\"version\":1,\"requestId\":\"mb-0005\",\"type\":\"WIRE_TRANSFER\",\"payerAccountNumber\":"
                + "\"0001010000000016\",\"payeeAccountNumber\":\"6222020200001234\",\"payeeName\":\"王五\","
                + "\"payeeBank\":\"102100099996\",\"amount\":\"1000.00\",\"purpose\":\"货款\",\"urgent\":true}";
        String inquiry = "{\"version\":1,\"requestId\":\"mb-0006\",\"type\":\"WIRE_INQUIRY\","
                + "\"reference\":\"W2026113000000004711\"}";
        assertConforms("teller.channel.request.v1.json", send);
        assertConforms("teller.channel.request.v1.json", inquiry);
        ChannelMessages.Request wire = ChannelMessages.parse(send);
        assertEquals(new Wires.Request("0001010000000016", "王五", "6222020200001234", "102100099996", "1000.00", "货款",
                true), wire.wireRequest());
        assertEquals(ChannelMessages.Request.wireInquiry("mb-0006", "W2026113000000004711"), ChannelMessages.parse(inquiry));
        assertThrows(MalformedMessageException.class, () -> ChannelMessages.parse(send.replace("true", "\"yes\"")));
        assertThrows(MalformedMessageException.class, () -> ChannelMessages.parse(send.replace(",\"purpose\":\"货款\"", "")));

        WireView view = new WireView("W2026113000000004711", "0001010000000016", "王五", "6222020200001234",
                "102100099996", "中国工商银行", "1000.00", "0.00", "CNY", "货款", true, "LARGE_VALUE", "SETTLED",
                "CN20261130000001", LocalDate.of(2026, 11, 30), Instant.parse("2026-11-30T01:00:00Z"),
                Instant.parse("2026-11-30T01:00:02Z"), List.of());
        assertConforms("teller.channel.reply.v1.json", ChannelMessages.wire(wire, view));
        assertConforms("teller.channel.reply.v1.json", ChannelMessages.wire(ChannelMessages.parse(inquiry), view));
        assertConforms("teller.channel.reply.v1.json", ChannelMessages.refusal(wire, ErrorCode.WIRE_BANK_UNKNOWN));
        Wire returned = new Wire(new Wire.Order("0001010000000016", new Wire.Payee("王五", "6222020200004041",
                "102100099996"), Money.cny("1000.00"), "货款", false), Money.cny("0.00"), ClearingRoute.Route.BULK,
                LocalDate.of(2026, 11, 30), "0001", "channel", "online:mb-0005", Instant.parse("2026-11-30T01:00:00Z"));
        Field id = Wire.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(returned, 4712L);
        returned.assignReference();
        returned.answered(WireStatus.SETTLED, "CN20261130000002", Instant.parse("2026-11-30T01:00:01Z"));
        returned.answered(WireStatus.RETURNED, "CN20261130000002", Instant.parse("2026-11-30T01:00:02Z"));
        assertConforms("teller.channel.reply.v1.json", ChannelMessages.wireRefunded("mb-0005", returned, "name mismatch"));
    }

    @Test
    void aCreditorsDebitFileAndItsInquiryAreReadAndTheirRepliesConformToTheReplySchema() throws Exception {
        String send = "{\"version\":1,\"requestId\":\"cb-0001\",\"type\":\"DIRECT_DEBIT_FILE\",\"agreement\":"
                + "\"D12345678\",\"fileRef\":\"WATER-202611\",\"file\":\"mandate_ref,amount\\nM-1,25.00\\n\"}";
        String inquiry = "{\"version\":1,\"requestId\":\"cb-0002\",\"type\":\"DIRECT_DEBIT_FILE_INQUIRY\","
                + "\"agreement\":\"D12345678\",\"fileRef\":\"WATER-202611\"}";
        assertConforms("teller.channel.request.v1.json", send);
        assertConforms("teller.channel.request.v1.json", inquiry);
        assertEquals(new ChannelMessages.DebitFile("D12345678", "WATER-202611", "mandate_ref,amount\nM-1,25.00\n"),
                ChannelMessages.parse(send).debitFile());
        assertEquals(new ChannelMessages.DebitFile("D12345678", "WATER-202611", null),
                ChannelMessages.parse(inquiry).debitFile());
        assertThrows(MalformedMessageException.class, () -> ChannelMessages.parse(send.replaceAll(",\"file\":\".*\"", "")),
                "a file to send");
        assertThrows(MalformedMessageException.class, () -> ChannelMessages.parse(send.replace("\"file\":\"",
                "\"file\":\"" + "x".repeat(ChannelMessages.MAX_FILE_CHARS))), "too long");

        DirectDebitViews.File received = new DirectDebitViews.File(7, "D12345678", "WATER-202611",
                LocalDate.of(2026, 11, 30), "RECEIVED", 1, 1, 0, 0, null, 50L, null, Instant.parse("2026-11-30T01:00:00Z"),
                null);
        DirectDebitViews.File done = new DirectDebitViews.File(7, "D12345678", "WATER-202611",
                LocalDate.of(2026, 11, 30), "COMPLETED", 1, 0, 1, 0, "25.00", 50L, 100L,
                Instant.parse("2026-11-30T01:00:00Z"), Instant.parse("2026-11-30T01:00:05Z"));
        assertConforms("teller.channel.reply.v1.json", ChannelMessages.debitFile(ChannelMessages.parse(send), received, null));
        assertConforms("teller.channel.reply.v1.json", ChannelMessages.debitFile(ChannelMessages.parse(inquiry), done,
                "line,mandate_ref,amount,status,reason,detail\n2,M-1,25.00,PAID,,\n"));
        assertConforms("teller.channel.reply.v1.json", ChannelMessages.refusal(ChannelMessages.parse(inquiry),
                ErrorCode.DEBIT_FILE_NOT_FOUND));
    }

    @Test
    void theCoreSystemsAcknowledgementConformsToItsSchemaAndIsRead() throws Exception {
        String ack = "{\"schema\":\"teller.core.acknowledgement\",\"version\":1,\"messageId\":\"TLR-POSTING-4711\","
                + "\"entryId\":4711,\"coreRef\":\"CORE202611300000000001\",\"bookedAt\":\"2026-11-30T01:00:00Z\"}";
        assertConforms("teller.core.acknowledgement.v1.json", ack);
        assertEquals(new CoreAcknowledgements.Acknowledgement(4711, "CORE202611300000000001"), CoreAcknowledgements.parse(ack));
        for (String bad : new String[] {ack.replace("TLR-POSTING-4711", "TLR-POSTING-4712"), ack.replace("4711,", "0,"),
                ack.replace("\"CORE202611300000000001\"", "\"\""), ack.replace("4711,", "\"4711\","),
                ack.replace("teller.core.acknowledgement", "teller.core.posting"), ack.replace("\"version\":1", "\"version\":2"),
                ack.replace("CORE202611300000000001", "X".repeat(41))}) {
            assertThrows(MalformedMessageException.class, () -> CoreAcknowledgements.parse(bad), bad);
        }
    }

    @Test
    void aWireConformsToItsSchemaAndTheClearingSystemsAnswersAreRead() throws Exception {
        Wire wire = new Wire(new Wire.Order("0001010000000016", new Wire.Payee("王五", "6222020200001234", "102100099996"),
                Money.cny("1000.00"), "货款", false), Money.cny("5.00"), ClearingRoute.Route.BULK,
                LocalDate.of(2026, 11, 30), "0001", "teller1", "wire-0001", Instant.parse("2026-11-30T01:00:00Z"));
        Field id = Wire.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(wire, 4711L);
        wire.assignReference();
        assertConforms("teller.clearing.wire.v1.json", ClearingMessages.wire(wire, "张三", Instant.parse("2026-11-30T01:00:01Z")));

        String answer = "{\"schema\":\"teller.clearing.answer\",\"version\":1,\"reference\":\"" + wire.reference()
                + "\",\"status\":\"RETURNED\",\"clearingRef\":\"CN20261130000001\",\"reason\":\"name mismatch\"}";
        assertConforms("teller.clearing.answer.v1.json", answer);
        assertEquals(new ClearingAnswers.Answer(wire.reference(), WireStatus.RETURNED, "CN20261130000001", "name mismatch"),
                ClearingMessages.answer(answer));
        for (String malformed : List.of("", "[]", "{\"schema\":\"teller.clearing.answer\",\"version\":2,\"reference\":\"W1\","
                + "\"status\":\"SETTLED\"}", "{\"schema\":\"teller.clearing.answer\",\"version\":1,\"reference\":\"W1\","
                + "\"status\":\"SUBMITTED\"}", "{\"schema\":\"teller.clearing.answer\",\"version\":1,\"status\":\"SETTLED\"}",
                "{\"schema\":\"teller.clearing.answer\",\"version\":1,\"reference\":\"W1\",\"status\":\"PAID\"}")) {
            assertThrows(MalformedMessageException.class, () -> ClearingMessages.answer(malformed), malformed);
        }
    }

    @Test
    void aWireInIsReadAsTheSimulatorSendsItAndItsReturnConformsToItsSchema() throws Exception {
        String body = "{\"schema\":\"teller.clearing.incoming\",\"version\":1,\"clearingRef\":\"CNIN202611300000000042\","
                + "\"payerName\":\"李四\",\"payerAccount\":\"6217000010001234\",\"payerBank\":\"105100000017\","
                + "\"payeeName\":\"张三\",\"payeeAccount\":\"0001010000000016\",\"amount\":\"1234.56\","
                + "\"currency\":\"CNY\",\"purpose\":\"货款\"}";
        assertConforms("teller.clearing.incoming.v1.json", body);
        IncomingWire.Arrival arrival = ClearingMessages.incoming(body);
        assertEquals(new IncomingWire.Arrival("CNIN202611300000000042", "李四", "6217000010001234", "105100000017", "张三",
                "0001010000000016", Money.cny("1234.56"), "货款"), arrival);

        IncomingWire held = IncomingWire.suspended(arrival, SuspenseReason.NAME_MISMATCH, "named 张三",
                LocalDate.of(2026, 11, 30), "0001", 1L, Instant.parse("2026-11-30T01:00:00Z"));
        assertConforms("teller.clearing.return.v1.json", ClearingMessages.returned(held, "户名不符",
                Instant.parse("2026-11-30T02:00:00Z")));

        for (String malformed : List.of(body.replace("1234.56", "-1.00"), body.replace("1234.56", "12.345"),
                body.replace("\"CNY\"", "\"USD\""), body.replace("0001010000000016", "0001-0100"),
                body.replace("105100000017", "10510000001"), body.replace("\"payeeName\":\"张三\",", ""),
                body.replace("teller.clearing.incoming", "teller.clearing.answer"),
                body.replace("\"version\":1", "\"version\":2"))) {
            assertThrows(MalformedMessageException.class, () -> ClearingMessages.incoming(malformed), malformed);
            assertFalse(errors("teller.clearing.incoming.v1.json", malformed).isEmpty(), malformed);
        }
    }

    @Test
    void theSchemasThemselvesRejectWhatTheyShould() throws Exception {
        assertFalse(errors("teller.channel.reply.v1.json",
                "{\"schema\":\"teller.channel.reply\",\"version\":1,\"requestId\":\"r\",\"type\":\"BALANCE_INQUIRY\","
                        + "\"status\":\"OK\",\"balance\":1200.5}").isEmpty(), "a numeric amount must not pass");
    }

    private static void assertConforms(String schema, String message) throws Exception {
        Set<ValidationMessage> errors = errors(schema, message);
        assertTrue(errors.isEmpty(), message + " -> " + errors);
    }

    private static Set<ValidationMessage> errors(String schema, String message) throws Exception {
        try (InputStream in = MessageSchemasTest.class.getResourceAsStream("/schemas/" + schema)) {
            JsonSchema jsonSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            return jsonSchema.validate(JSON.readTree(message));
        }
    }

    /** The id is the database's (sequence, on persist); a message is only ever built for a persisted entry. */
    private static void assignId(JournalEntry entry, long id) throws Exception {
        Field field = JournalEntry.class.getDeclaredField("id");
        field.setAccessible(true);
        field.set(entry, id);
    }
}
