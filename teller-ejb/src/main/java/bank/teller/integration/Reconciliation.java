package bank.teller.integration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One business day of Teller's journal compared with the core system's reconciliation file (对账):
 * an entry the core booked once with the same lines is matched; otherwise a break — TELLER_ONLY (the
 * core never booked it), CORE_ONLY (the core booked something Teller never sent), AMOUNT_MISMATCH
 * (the same lines, an amount different), ACCOUNT_MISMATCH (the lines differ otherwise: GL, account,
 * side or number of lines), DUPLICATED (booked more than once).
 */
public final class Reconciliation {

    public enum Category { TELLER_ONLY, CORE_ONLY, AMOUNT_MISMATCH, ACCOUNT_MISMATCH, DUPLICATED }

    /** A line of an entry, as both sides state it. */
    public record Line(int lineNo, String glCode, String accountNumber, String side, BigDecimal amount) {

        public Line {
            accountNumber = accountNumber == null || accountNumber.isBlank() ? null : accountNumber;
            amount = amount.setScale(2);
        }

        boolean sameButAmount(Line other) {
            return lineNo == other.lineNo && glCode.equals(other.glCode) && Objects.equals(accountNumber, other.accountNumber)
                    && side.equals(other.side);
        }
    }

    /** A line of the core's file: the entry it names, the core's reference of its booking, the line. */
    public record CoreLine(long entryId, String coreRef, Line line) {
    }

    /** What does not match, with the amount at stake (the entry's debits) and what differs. */
    public record Break(Category category, long entryId, String coreRef, BigDecimal amount, String detail) {
    }

    public record Result(List<Long> matched, List<Break> breaks) {
    }

    private Reconciliation() {
    }

    /** Compares Teller's entries of the day ({@code teller}: entry id to its lines) with the core's file. */
    public static Result compare(Map<Long, List<Line>> teller, List<CoreLine> core) {
        Map<Long, Map<String, List<Line>>> booked = new TreeMap<>();
        for (CoreLine line : core) {
            booked.computeIfAbsent(line.entryId(), id -> new LinkedHashMap<>())
                    .computeIfAbsent(line.coreRef(), ref -> new ArrayList<>()).add(line.line());
        }
        List<Long> matched = new ArrayList<>();
        List<Break> breaks = new ArrayList<>();
        for (Map.Entry<Long, List<Line>> entry : new TreeMap<>(teller).entrySet()) {
            long id = entry.getKey();
            List<Line> ours = sorted(entry.getValue());
            Map<String, List<Line>> bookings = booked.remove(id);
            if (bookings == null) {
                breaks.add(new Break(Category.TELLER_ONLY, id, null, debits(ours), "not in the core's file"));
            } else if (bookings.size() > 1) {
                breaks.add(new Break(Category.DUPLICATED, id, bookings.keySet().iterator().next(), debits(ours),
                        "booked " + bookings.size() + " times by the core: " + String.join(", ", bookings.keySet())));
            } else {
                Map.Entry<String, List<Line>> booking = bookings.entrySet().iterator().next();
                List<Line> theirs = sorted(booking.getValue());
                if (ours.equals(theirs)) {
                    matched.add(id);
                } else {
                    boolean amountsOnly = ours.size() == theirs.size();
                    for (int i = 0; amountsOnly && i < ours.size(); i++) {
                        amountsOnly = ours.get(i).sameButAmount(theirs.get(i));
                    }
                    breaks.add(new Break(amountsOnly ? Category.AMOUNT_MISMATCH : Category.ACCOUNT_MISMATCH, id,
                            booking.getKey(), debits(ours), "Teller " + describe(ours) + "; core " + describe(theirs)));
                }
            }
        }
        booked.forEach((id, bookings) -> bookings.forEach((ref, lines) -> breaks.add(new Break(Category.CORE_ONLY, id,
                ref, debits(sorted(lines)), "booked by the core, never sent by Teller: " + describe(sorted(lines))))));
        return new Result(matched, breaks);
    }

    private static List<Line> sorted(List<Line> lines) {
        return lines.stream().sorted(Comparator.comparingInt(Line::lineNo)).toList();
    }

    private static BigDecimal debits(List<Line> lines) {
        return lines.stream().filter(l -> "DEBIT".equals(l.side())).map(Line::amount).reduce(BigDecimal.ZERO.setScale(2),
                BigDecimal::add);
    }

    private static String describe(List<Line> lines) {
        StringBuilder text = new StringBuilder();
        for (Line line : lines) {
            text.append(text.isEmpty() ? "" : ", ").append(line.side().charAt(0)).append(' ').append(line.glCode())
                    .append(line.accountNumber() == null ? "" : "/" + line.accountNumber()).append(' ')
                    .append(line.amount().toPlainString());
        }
        return text.toString();
    }
}
