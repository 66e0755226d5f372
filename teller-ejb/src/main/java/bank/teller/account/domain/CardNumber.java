package bank.teller.account.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import java.util.random.RandomGenerator;

/**
 * A debit card number (PAN): 16 or 19 digits, the bank's BIN first, a Luhn check digit last. A
 * value that exists has been checked (but not that the BIN is this bank's: see {@link #ofBank}).
 */
public record CardNumber(String value) {

    public CardNumber {
        value = value == null ? "" : value.replace(" ", "").trim();
        if (!value.matches("\\d{16}|\\d{19}")
                || AccountNumber.luhnDigit(value.substring(0, value.length() - 1)) != value.charAt(value.length() - 1)) {
            throw new TellerException(ErrorCode.CARD_NUMBER_INVALID, masked(value));
        }
    }

    /** Whether {@code text} looks like a card number of this bank (its BIN and length), before any check. */
    public static boolean looksLikeCard(String text, String bin, int length) {
        String digits = text == null ? "" : text.replace(" ", "").trim();
        return digits.length() == length && digits.startsWith(bin) && digits.chars().allMatch(Character::isDigit);
    }

    /**
     * A new PAN drawn at random: the BIN, random digits to fill the length, a Luhn digit. Numbers
     * in sequence would let a mask (the first six and the last four digits) name the next card.
     */
    public static CardNumber random(String bin, int length, RandomGenerator random) {
        if (!bin.matches("\\d{6,8}") || (length != 16 && length != 19)) {
            throw new IllegalArgumentException("cannot number a card " + bin + "/" + length);
        }
        StringBuilder body = new StringBuilder(bin);
        while (body.length() < length - 1) {
            body.append((char) ('0' + random.nextInt(10)));
        }
        return new CardNumber(body.toString() + AccountNumber.luhnDigit(body.toString()));
    }

    /** As shown on screens and vouchers: the first 6 and the last 4 digits. */
    public String masked() {
        return masked(value);
    }

    private static String masked(String digits) {
        return digits.length() < 10 ? "****" : digits.substring(0, 6) + "*".repeat(digits.length() - 10)
                + digits.substring(digits.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
