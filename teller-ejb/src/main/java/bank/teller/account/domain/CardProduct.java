package bank.teller.account.domain;

/**
 * The bank's debit card numbering: its BIN (issuer identification number, 6-8 digits) and the PAN
 * length (16 or 19). Set with {@code -Dteller.card.bin} and {@code -Dteller.card.length}; the
 * defaults are a UnionPay-style 62 BIN and 19 digits, which no 16-digit account number can be
 * mistaken for.
 */
public record CardProduct(String bin, int length) {

    public static CardProduct fromSystemProperties() {
        return new CardProduct(System.getProperty("teller.card.bin", "623456"),
                Integer.getInteger("teller.card.length", 19));
    }

    /** Whether {@code text} is meant as one of this bank's card numbers rather than an account number. */
    public boolean isCardNumber(String text) {
        return CardNumber.looksLikeCard(text, bin, length);
    }
}
