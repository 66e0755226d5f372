package bank.teller.shared;

import java.util.Map;

/** How printed documents (vouchers, statements) name each kind of posting, in Chinese and English. */
public final class TransactionNames {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("CASH_DEPOSIT", "现金存款 Cash deposit"),
            Map.entry("CASH_WITHDRAWAL", "现金取款 Cash withdrawal"),
            Map.entry("TRANSFER", "转账 Transfer"),
            Map.entry("ACCOUNT_CLOSING", "销户 Account closing"),
            Map.entry("CARD_REPLACEMENT", "补卡手续费 Card replacement fee"),
            Map.entry("REVERSAL", "冲正 Reversal"),
            Map.entry("ADJUSTMENT", "错账调整 Adjustment"),
            Map.entry("INTEREST_SETTLEMENT", "结息 Interest"),
            Map.entry("DEPOSIT_OPENING", "存款开户 Deposit opening"),
            Map.entry("DEPOSIT_WITHDRAWAL", "存款支取 Deposit withdrawal"),
            Map.entry("DEPOSIT_RENEWAL", "自动转存 Deposit renewal"),
            Map.entry("CERTIFICATE_LOSS_REPORT", "存单挂失 Certificate loss report"),
            Map.entry("CERTIFICATE_REISSUE", "存单补发 Certificate reissue"),
            Map.entry("OVERDUE_INTEREST_ACCRUAL", "逾期利息计提 Overdue interest accrual"),
            Map.entry("WIRE_TRANSFER", "电汇 Wire transfer"),
            Map.entry("WIRE_SETTLED", "汇款清算 Wire settled"),
            Map.entry("WIRE_REJECTED", "汇款退回 Wire rejected"),
            Map.entry("WIRE_RETURNED", "退汇 Wire returned"),
            Map.entry("WIRE_IN", "汇入汇款 Incoming wire"),
            Map.entry("WIRE_IN_APPLIED", "来账挂账入账 Incoming wire applied"),
            Map.entry("WIRE_IN_RETURNED", "来账退汇 Incoming wire returned"),
            Map.entry("COLLECTION", "代收缴费 Collection"),
            Map.entry("DIRECT_DEBIT", "代扣 Direct debit"),
            Map.entry("DIRECT_DEBIT_CREDIT", "代扣款划入 Direct debits credited"),
            Map.entry("ANNUAL_CARD_FEE", "借记卡年费 Annual card fee"),
            Map.entry("SMALL_BALANCE_FEE", "小额账户管理费 Small-balance fee"),
            Map.entry("MIGRATION_OPENING", "迁移期初余额 Opening balance migrated"));

    private TransactionNames() {
    }

    /** The bilingual name, or the code itself for a kind not named here. */
    public static String of(String type) {
        return NAMES.getOrDefault(type, type);
    }
}
