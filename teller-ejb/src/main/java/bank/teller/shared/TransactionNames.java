package bank.teller.shared;

import java.util.Map;

/** How printed documents (vouchers, statements) name each kind of posting, in Chinese and English. */
public final class TransactionNames {

    private static final Map<String, String> NAMES = Map.of(
            "CASH_DEPOSIT", "现金存款 Cash deposit",
            "CASH_WITHDRAWAL", "现金取款 Cash withdrawal",
            "TRANSFER", "转账 Transfer",
            "ACCOUNT_CLOSING", "销户 Account closing",
            "CARD_REPLACEMENT", "补卡手续费 Card replacement fee",
            "REVERSAL", "冲正 Reversal",
            "ADJUSTMENT", "错账调整 Adjustment",
            "INTEREST_SETTLEMENT", "结息 Interest");

    private TransactionNames() {
    }

    /** The bilingual name, or the code itself for a kind not named here. */
    public static String of(String type) {
        return NAMES.getOrDefault(type, type);
    }
}
