package bank.teller.till.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A count of the till's cash by denomination (券别): pieces of each CNY note and coin the bank
 * handles. The total is exact (no rounding: 0.5 and 0.1 yuan are whole fen).
 */
public record CashCount(Map<BigDecimal, Integer> pieces) {

    /** 100, 50, 20, 10, 5, 1, 0.5 and 0.1 yuan, largest first. */
    public static final List<BigDecimal> DENOMINATIONS = List.of(new BigDecimal("100"), new BigDecimal("50"),
            new BigDecimal("20"), new BigDecimal("10"), new BigDecimal("5"), new BigDecimal("1"),
            new BigDecimal("0.5"), new BigDecimal("0.1"));
    public static final int MAX_PIECES = 1_000_000;

    public CashCount {
        Map<BigDecimal, Integer> checked = new LinkedHashMap<>();
        for (BigDecimal denomination : DENOMINATIONS) {
            checked.put(denomination, 0);
        }
        for (Map.Entry<BigDecimal, Integer> entry : pieces.entrySet()) {
            BigDecimal denomination = DENOMINATIONS.stream().filter(d -> d.compareTo(entry.getKey()) == 0).findFirst()
                    .orElseThrow(() -> new TellerException(ErrorCode.CASH_COUNT_INVALID, entry.getKey().toPlainString()));
            Integer n = entry.getValue();
            if (n == null || n < 0 || n > MAX_PIECES) {
                throw new TellerException(ErrorCode.CASH_COUNT_INVALID, denomination.toPlainString());
            }
            checked.put(denomination, n);
        }
        pieces = Collections.unmodifiableMap(checked);
    }

    /** A count from denomination strings ("100", "0.5") to pieces, as screens and the API send it. */
    public static CashCount of(Map<String, Integer> byText) {
        Map<BigDecimal, Integer> pieces = new LinkedHashMap<>();
        byText.forEach((text, n) -> {
            try {
                pieces.put(new BigDecimal(text.strip()), n);
            } catch (NumberFormatException | NullPointerException e) {
                throw new TellerException(ErrorCode.CASH_COUNT_INVALID, String.valueOf(text));
            }
        });
        return new CashCount(pieces);
    }

    public Money total() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<BigDecimal, Integer> entry : pieces.entrySet()) {
            sum = sum.add(entry.getKey().multiply(BigDecimal.valueOf(entry.getValue())));
        }
        return Money.of(sum, Money.CNY);
    }

    /** As stored and printed: "100x12 50x3 ..." for the denominations counted. */
    public String detail() {
        return pieces.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().toPlainString() + "x" + e.getValue()).collect(Collectors.joining(" "));
    }
}
