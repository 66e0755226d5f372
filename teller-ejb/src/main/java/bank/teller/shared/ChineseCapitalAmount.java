package bank.teller.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount in Chinese capital numerals (中文大写金额) as the Payment and Settlement Measures
 * (支付结算办法) require on vouchers: 零壹贰叁肆伍陆柒捌玖 with 拾佰仟万亿 and 元角分; "整" after 元 or
 * 角 when nothing follows; one 零 for a run of zeros inside the amount; 零 between 元 and 分 when
 * the 角 is zero; 壹拾 for a leading ten. Where the rules allow 零 or not (the 元 digit zero before
 * a 角), none is written.
 */
public final class ChineseCapitalAmount {

    private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();
    private static final String[] UNITS = {"", "拾", "佰", "仟"};
    private static final long WAN = 10_000L;
    private static final long YI = 100_000_000L;

    private ChineseCapitalAmount() {
    }

    public static String of(Money money) {
        return of(money.amount());
    }

    /** The capital numerals of a two-decimal amount; negative amounts are prefixed 负. */
    public static String of(BigDecimal amount) {
        if (amount.signum() < 0) {
            return "负" + of(amount.negate());
        }
        BigDecimal exact = amount.setScale(Money.SCALE, RoundingMode.UNNECESSARY);
        long yuan = exact.toBigInteger().longValueExact();
        int cents = exact.remainder(BigDecimal.ONE).movePointRight(Money.SCALE).intValueExact();
        int jiao = cents / 10;
        int fenDigit = cents % 10;
        if (yuan == 0 && cents == 0) {
            return "零元整";
        }
        StringBuilder words = new StringBuilder(yuan > 0 ? integer(yuan) + "元" : "");
        if (jiao == 0 && fenDigit == 0) {
            return words.append('整').toString();
        }
        if (jiao > 0) {
            words.append(DIGITS[jiao]).append('角');
            return fenDigit == 0 ? words.append('整').toString() : words.append(DIGITS[fenDigit]).append('分').toString();
        }
        if (yuan > 0) {
            words.append('零');
        }
        return words.append(DIGITS[fenDigit]).append('分').toString();
    }

    /** A positive whole number: 亿 and 万 sections, each read as up to four digits. */
    static String integer(long n) {
        if (n >= YI) {
            return integer(n / YI) + "亿" + rest(n % YI, YI);
        }
        if (n >= WAN) {
            return upToFourDigits(n / WAN) + "万" + rest(n % WAN, WAN);
        }
        return upToFourDigits(n);
    }

    /** The lower part after a 亿 or 万: nothing, or a 零 first where its leading digit is zero. */
    private static String rest(long n, long sectionSize) {
        if (n == 0) {
            return "";
        }
        return (n < sectionSize / 10 ? "零" : "") + integer(n);
    }

    private static String upToFourDigits(long n) {
        StringBuilder words = new StringBuilder();
        boolean pendingZero = false;
        for (int position = 3; position >= 0; position--) {
            int digit = (int) (n / (long) Math.pow(10, position) % 10);
            if (digit == 0) {
                pendingZero = words.length() > 0;
                continue;
            }
            if (pendingZero) {
                words.append('零');
                pendingZero = false;
            }
            words.append(DIGITS[digit]).append(UNITS[position]);
        }
        return words.toString();
    }
}
