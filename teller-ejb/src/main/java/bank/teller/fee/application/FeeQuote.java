package bank.teller.fee.application;

/** The fee a transaction will cost, shown to the teller before confirming; "0.00" and no rule when free. */
public record FeeQuote(String transactionType, String amount, String fee, String currency, Long ruleId,
                       String descriptionZh, String descriptionEn) {
}
