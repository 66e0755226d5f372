package bank.teller.integration;

import static bank.teller.shared.JsonSupport.JSON;

import bank.teller.account.application.AccountQueries;
import bank.teller.account.application.AccountTransaction;
import bank.teller.account.application.AccountView;
import bank.teller.account.application.CardView;
import bank.teller.account.application.OnlineAccountOpening;
import bank.teller.account.application.Receipt;
import bank.teller.deposit.application.DepositView;
import bank.teller.payment.application.DirectDebitViews;
import bank.teller.payment.application.WireView;
import bank.teller.payment.application.Wires;
import bank.teller.payment.domain.Wire;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.util.List;

/**
 * The channel message formats (schemas {@code teller.channel.request} and
 * {@code teller.channel.reply}, version 1, in src/main/resources/schemas): reading requests and
 * writing replies. Anything unreadable is a {@link MalformedMessageException}.
 */
public final class ChannelMessages {

    public static final String REQUEST_SCHEMA = "teller.channel.request";
    public static final String REPLY_SCHEMA = "teller.channel.reply";
    public static final int VERSION = 1;
    public static final String BALANCE_INQUIRY = "BALANCE_INQUIRY";
    public static final String TRANSFER = "TRANSFER";
    public static final String DEPOSIT_INQUIRY = "DEPOSIT_INQUIRY";
    public static final String DEPOSIT_NOTICE = "DEPOSIT_NOTICE";
    public static final String WIRE_TRANSFER = "WIRE_TRANSFER";
    public static final String WIRE_INQUIRY = "WIRE_INQUIRY";
    public static final String DIRECT_DEBIT_FILE = "DIRECT_DEBIT_FILE";
    public static final String DIRECT_DEBIT_FILE_INQUIRY = "DIRECT_DEBIT_FILE_INQUIRY";
    public static final String ACCOUNT_OPENING = "ACCOUNT_OPENING";
    public static final String TRANSACTION_INQUIRY = "TRANSACTION_INQUIRY";
    public static final String CARD_LOSS_REPORT = "CARD_LOSS_REPORT";
    /** The longest debit file a channel may send in one message (characters of CSV). */
    public static final int MAX_FILE_CHARS = 2_000_000;
    /** Not a request: Teller tells the channel that sent a wire that its money came back. */
    public static final String WIRE_STATUS = "WIRE_STATUS";

    /**
     * A request as read: its id and type; the account of an inquiry; payer, payee, amount and
     * currency of a transfer; the deposit, date and amount of a notice; a wire's payer, payee, amount and
     * {@link WireDetails}; the reference of a wire inquired about; a creditor's {@link DebitFile}; an
     * {@link Opening}; the page of a transaction inquiry; the card reported lost. Fields a type does not
     * use are null.
     */
    public record Request(String requestId, String type, String accountNumber, String payerAccountNumber,
                          String payeeAccountNumber, String amount, String currency, String date, WireDetails wire,
                          String reference, DebitFile debitFile, Opening opening, Page page, String cardNumber) {

        public Request(String requestId, String type, String accountNumber, String payerAccountNumber,
                       String payeeAccountNumber, String amount, String currency, String date) {
            this(requestId, type, accountNumber, payerAccountNumber, payeeAccountNumber, amount, currency, date, null,
                    null, null, null, null, null);
        }

        /** A class II or III account for the applicant, bound to their class I account here or elsewhere. */
        public static Request opening(String requestId, Opening opening) {
            return new Request(requestId, ACCOUNT_OPENING, null, null, null, null, null, null, null, null, null,
                    opening, null, null);
        }

        /** An account's postings, newest first, a page at a time (from page 0). */
        public static Request transactions(String requestId, String accountNumber, Page page) {
            return new Request(requestId, TRANSACTION_INQUIRY, accountNumber, null, null, null, null, null, null, null,
                    null, null, page, null);
        }

        /** The customer reports their card lost (挂失): it takes no more transactions. */
        public static Request cardLoss(String requestId, String cardNumber) {
            return new Request(requestId, CARD_LOSS_REPORT, null, null, null, null, null, null, null, null, null, null,
                    null, cardNumber);
        }

        public static Request inquiry(String requestId, String accountNumber) {
            return new Request(requestId, BALANCE_INQUIRY, accountNumber, null, null, null, null, null);
        }

        public static Request transfer(String requestId, String payer, String payee, String amount, String currency) {
            return new Request(requestId, TRANSFER, null, payer, payee, amount, currency, null);
        }

        /** A time or notice deposit's terms, certificate and what withdrawing it today would pay. */
        public static Request depositInquiry(String requestId, String accountNumber) {
            return new Request(requestId, DEPOSIT_INQUIRY, accountNumber, null, null, null, null, null);
        }

        /** A wire out (电汇) from the payer's account to an account at another bank. */
        public static Request wire(String requestId, String payer, String payeeAccount, String amount, WireDetails wire) {
            return new Request(requestId, WIRE_TRANSFER, null, payer, payeeAccount, amount, Money.CNY, null, wire, null,
                    null, null, null, null);
        }

        /** A wire's progress (付款进度), by its reference. */
        public static Request wireInquiry(String requestId, String reference) {
            return new Request(requestId, WIRE_INQUIRY, null, null, null, null, null, null, null, reference, null, null,
                    null, null);
        }

        /** A creditor's debit file (代扣文件), sent on its behalf, or where one stands (its csv null). */
        public static Request debitFile(String requestId, String type, DebitFile file) {
            return new Request(requestId, type, null, null, null, null, null, null, null, null, file, null, null, null);
        }

        /** The wire as the counter's request has it, for the use case. */
        public Wires.Request wireRequest() {
            return new Wires.Request(payerAccountNumber, wire.payeeName(), payeeAccountNumber, wire.payeeBank(), amount,
                    wire.purpose(), wire.urgent());
        }

        /** A notice deposit's withdrawal notice (通知) for {@code date}. */
        public static Request notice(String requestId, String accountNumber, String date, String amount) {
            return new Request(requestId, DEPOSIT_NOTICE, accountNumber, null, null, amount, null, date);
        }
    }

    /** What a wire request says besides its payer, payee account and amount. */
    public record WireDetails(String payeeName, String payeeBank, String purpose, boolean urgent) {
    }

    /** A company's debit file: its collection agreement, its own reference and (when sent) its CSV text. */
    public record DebitFile(String agreement, String fileRef, String csv) {
    }

    /**
     * An online opening: the account type (INDIVIDUAL_II or INDIVIDUAL_III), the applicant, and the
     * class I account it is bound to, with its bank's CNAPS code when at another bank (else null).
     */
    public record Opening(String accountType, OnlineAccountOpening.Applicant applicant, String boundAccountNumber,
                          String boundBank) {
    }

    /** Which page of postings, and how many a page (up to {@link bank.teller.account.application.AccountQueries#MAX_PAGE_SIZE}). */
    public record Page(int page, int pageSize) {
    }

    private ChannelMessages() {
    }

    public static Request parse(String body) {
        JsonObject json = JmsMessages.versioned(body, VERSION);
        if (json.containsKey("schema") && !(json.get("schema") instanceof JsonString schema
                && REQUEST_SCHEMA.equals(schema.getString()))) {
            throw new MalformedMessageException("schema, when given, must be " + REQUEST_SCHEMA);
        }
        String requestId = required(json, "requestId");
        String type = required(json, "type");
        return switch (type) {
            case BALANCE_INQUIRY -> Request.inquiry(requestId, required(json, "accountNumber"));
            case TRANSFER -> Request.transfer(requestId, required(json, "payerAccountNumber"),
                    required(json, "payeeAccountNumber"), required(json, "amount"),
                    json.containsKey("currency") ? required(json, "currency") : Money.CNY);
            case DEPOSIT_INQUIRY -> Request.depositInquiry(requestId, required(json, "accountNumber"));
            case DEPOSIT_NOTICE -> Request.notice(requestId, required(json, "accountNumber"), required(json, "date"),
                    required(json, "amount"));
            case WIRE_TRANSFER -> Request.wire(requestId, required(json, "payerAccountNumber"),
                    required(json, "payeeAccountNumber"), required(json, "amount"), new WireDetails(
                            required(json, "payeeName"), required(json, "payeeBank"), required(json, "purpose"),
                            flag(json, "urgent")));
            case WIRE_INQUIRY -> Request.wireInquiry(requestId, required(json, "reference"));
            case DIRECT_DEBIT_FILE -> Request.debitFile(requestId, type, new DebitFile(required(json, "agreement"),
                    required(json, "fileRef"), file(json)));
            case DIRECT_DEBIT_FILE_INQUIRY -> Request.debitFile(requestId, type, new DebitFile(required(json, "agreement"),
                    required(json, "fileRef"), null));
            case ACCOUNT_OPENING -> Request.opening(requestId, new Opening(required(json, "accountType"),
                    new OnlineAccountOpening.Applicant(required(json, "name"), required(json, "residentId"),
                            required(json, "phone"), optional(json, "address"), optional(json, "occupation")),
                    required(json, "boundAccountNumber"), optional(json, "boundBank")));
            case TRANSACTION_INQUIRY -> Request.transactions(requestId, required(json, "accountNumber"),
                    new Page(whole(json, "page", 0, Integer.MAX_VALUE, 0),
                            whole(json, "pageSize", 1, AccountQueries.MAX_PAGE_SIZE, 20)));
            case CARD_LOSS_REPORT -> Request.cardLoss(requestId, required(json, "cardNumber"));
            default -> throw new MalformedMessageException("unknown request type " + type);
        };
    }

    /**
     * A debit file as a channel shows it: where its lines stand and, once processed, the result file
     * (every line paid or refused with its reason, as CSV).
     */
    public static String debitFile(Request request, DirectDebitViews.File file, String result) {
        JsonObjectBuilder reply = reply(request, "OK")
                .add("fileId", file.id())
                .add("agreement", file.agreement())
                .add("fileRef", file.fileRef())
                .add("fileStatus", file.status())
                .add("lines", file.lines())
                .add("pending", file.pending())
                .add("paid", file.paid())
                .add("refused", file.refused());
        if (file.paidTotal() != null) {
            reply.add("paidTotal", file.paidTotal());
        }
        if (result != null) {
            reply.add("result", result);
        }
        return reply.build().toString();
    }

    /** The account opened online: its number, class, branch and status, and the class I account it is bound to. */
    public static String opened(Request request, OnlineAccountOpening.Opened opened) {
        JsonObjectBuilder reply = reply(request, "OK")
                .add("accountNumber", opened.account().accountNumber())
                .add("accountType", opened.account().accountType())
                .add("accountStatus", opened.account().status())
                .add("branchCode", opened.account().branchCode())
                .add("openedOn", opened.account().openedOn().toString())
                .add("boundAccountNumber", opened.boundAccount());
        if (opened.boundBank() != null) {
            reply.add("boundBank", opened.boundBank());
        }
        return reply.build().toString();
    }

    /** A page of an account's postings, newest first, and how many there are in all. */
    public static String transactions(Request request, List<AccountTransaction> lines, long total) {
        JsonArrayBuilder rows = JSON.createArrayBuilder();
        for (AccountTransaction line : lines) {
            JsonObjectBuilder row = JSON.createObjectBuilder()
                    .add("entryId", line.entryId())
                    .add("businessDate", line.businessDate().toString())
                    .add("type", line.type())
                    .add("side", line.side())
                    .add("amount", line.amount())
                    .add("currency", line.currency());
            if (line.balanceAfter() != null) {
                row.add("balanceAfter", line.balanceAfter());
            }
            rows.add(row);
        }
        return reply(request, "OK")
                .add("accountNumber", request.accountNumber())
                .add("page", request.page().page())
                .add("pageSize", AccountTransaction.pageSize(request.page().pageSize()))
                .add("total", total)
                .add("transactions", rows)
                .build().toString();
    }

    /** A card as a channel shows it: masked, its account and status. */
    public static String card(Request request, CardView card) {
        return reply(request, "OK")
                .add("cardNumberMasked", card.panMasked())
                .add("accountNumber", card.accountNumber())
                .add("cardStatus", card.status())
                .build().toString();
    }

    public static String balance(Request request, AccountView account) {
        return reply(request, "OK")
                .add("accountNumber", account.accountNumber())
                .add("accountStatus", account.status())
                .add("balance", account.balance())
                .add("availableBalance", account.availableBalance())
                .add("currency", account.currency())
                .build().toString();
    }

    public static String transferred(Request request, Receipt receipt) {
        JsonObjectBuilder reply = reply(request, "OK")
                .add("entryId", receipt.entryId())
                .add("payerAccountNumber", receipt.accountNumber())
                .add("payeeAccountNumber", receipt.counterpartyAccountNumber())
                .add("amount", receipt.amount())
                .add("fee", receipt.fee())
                .add("currency", receipt.currency())
                .add("businessDate", receipt.businessDate().toString());
        if (receipt.balanceAfter() != null) { // none while a credit to a hot account is pending
            reply.add("balance", receipt.balanceAfter());
        }
        return reply.build().toString();
    }

    /** A deposit as a channel shows it: its product, principal, terms or notice, and whether its certificate is lost. */
    public static String deposit(Request request, DepositView deposit) {
        JsonObjectBuilder reply = reply(request, "OK")
                .add("accountNumber", deposit.accountNumber())
                .add("accountStatus", deposit.status())
                .add("product", deposit.product())
                .add("principal", deposit.principal())
                .add("currency", deposit.currency())
                .add("termStart", deposit.termStart().toString())
                .add("certificateLost", deposit.loss() != null);
        if (deposit.ratePercent() != null) {
            reply.add("ratePercent", deposit.ratePercent());
        }
        if (deposit.maturesOn() != null) {
            reply.add("maturesOn", deposit.maturesOn().toString());
        }
        if (deposit.noticeDate() != null) {
            reply.add("noticeDate", deposit.noticeDate().toString()).add("noticeAmount", deposit.noticeAmount());
        }
        if (deposit.payoutToday() != null) {
            reply.add("interestToday", deposit.payoutToday().total());
        }
        return reply.build().toString();
    }

    /** A wire as a channel shows it: its reference, where it stands, and what was sent. */
    public static String wire(Request request, WireView wire) {
        return wireFields(reply(request, "OK"), wire.reference(), wire.status(), wire.payerAccount(),
                wire.payeeAccount(), wire.amount(), wire.fee(), wire.currency(), wire.businessDate().toString(),
                wire.clearingRef()).build().toString();
    }

    /**
     * The notice to the channel that sent a wire (its own request id {@code requestId}) that the wire
     * was rejected or returned and its money is back with the payer, with why.
     */
    public static String wireRefunded(String requestId, Wire wire, String reason) {
        JsonObjectBuilder notice = JSON.createObjectBuilder().add("schema", REPLY_SCHEMA).add("version", VERSION)
                .add("requestId", requestId).add("type", WIRE_STATUS).add("status", "OK");
        wireFields(notice, wire.reference(), wire.status().name(), wire.payerAccount(), wire.payee().account(),
                wire.amount().toPlainString(), wire.fee().toPlainString(), wire.amount().currency(),
                wire.businessDate().toString(), wire.clearingRef());
        if (reason != null) {
            notice.add("reason", reason);
        }
        return notice.build().toString();
    }

    private static JsonObjectBuilder wireFields(JsonObjectBuilder reply, String reference, String status, String payer,
                                                String payee, String amount, String fee, String currency,
                                                String businessDate, String clearingRef) {
        reply.add("reference", reference)
                .add("wireStatus", status)
                .add("payerAccountNumber", payer)
                .add("payeeAccountNumber", payee)
                .add("amount", amount)
                .add("fee", fee)
                .add("currency", currency)
                .add("businessDate", businessDate);
        if (clearingRef != null) {
            reply.add("clearingRef", clearingRef);
        }
        return reply;
    }

    public static String refusal(Request request, ErrorCode code) {
        return reply(request, "REFUSED").add("code", code.name()).build().toString();
    }

    private static JsonObjectBuilder reply(Request request, String status) {
        return JSON.createObjectBuilder()
                .add("schema", REPLY_SCHEMA)
                .add("version", VERSION)
                .add("requestId", request.requestId())
                .add("type", request.type())
                .add("status", status);
    }

    /** A true or false field; false when absent. */
    private static boolean flag(JsonObject json, String field) {
        if (!json.containsKey(field)) {
            return false;
        }
        JsonValue value = json.get(field);
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw new MalformedMessageException("field " + field + " must be true or false");
        }
        return value == JsonValue.TRUE;
    }

    /** The CSV text of a debit file: present, and no longer than {@value #MAX_FILE_CHARS} characters. */
    private static String file(JsonObject json) {
        if (!(json.get("file") instanceof JsonString value) || value.getString().isBlank()
                || value.getString().length() > MAX_FILE_CHARS) {
            throw new MalformedMessageException("missing or invalid field file (the CSV text, up to " + MAX_FILE_CHARS
                    + " characters)");
        }
        return value.getString();
    }

    private static String optional(JsonObject json, String field) {
        return json.containsKey(field) ? required(json, field) : null;
    }

    /** A whole number field from {@code min} to {@code max}; {@code absent} when not given. */
    private static int whole(JsonObject json, String field, int min, int max, int absent) {
        if (!json.containsKey(field)) {
            return absent;
        }
        if (!(json.get(field) instanceof JsonNumber number) || !number.isIntegral()
                || number.bigIntegerValue().compareTo(BigInteger.valueOf(min)) < 0
                || number.bigIntegerValue().compareTo(BigInteger.valueOf(max)) > 0) {
            throw new MalformedMessageException("field " + field + " must be a whole number from " + min + " to " + max);
        }
        return number.intValue();
    }

    private static String required(JsonObject json, String field) {
        if (!(json.get(field) instanceof JsonString value) || value.getString().isBlank()
                || value.getString().length() > 64) {
            throw new MalformedMessageException("missing or invalid field " + field);
        }
        return value.getString();
    }
}
