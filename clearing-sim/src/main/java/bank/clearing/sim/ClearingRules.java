package bank.clearing.sim;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;

/**
 * How the simulated clearing system answers a wire, as the real one does, misbehaviour included:
 * it accepts and settles a wire a moment later; rejects one to a bank it does not know (its directory
 * lacks one that Teller's has: a stale directory); and, by the payee account's last four digits, the
 * payee bank returns it (4040: no such account, 4041: the name does not match), it is never answered
 * (9999), every answer comes twice (2222), the settlement comes late (3333), or a rejection follows
 * the settlement (6666, a wrong answer). With {@code chaosPerMille} above zero, any answer is also
 * sent twice that often in a thousand. A wire in from another bank comes once, or twice when asked
 * (or by the same chaos): the second copy late.
 */
public final class ClearingRules {

    /** The participants the clearing system knows (Teller's reference data has 310290000013 too). */
    static final Set<String> DIRECTORY = Set.of("102100099996", "103100000026", "104100000004", "105100000017",
            "301290000007", "308584000013", "403100000004", "302100011000", "305100000013", "309391000011",
            "303100000006");

    /** One answer to send: its status, after how long, and why (a refusal). */
    public record Answer(String status, long delayMillis, String reason) {
    }

    private final long settleMillis;
    private final int chaosPerMille;
    private final IntSupplier perMille;
    private final Clock clock;

    /** {@code perMille} draws a number from 0 to 999 for each answer; {@code clock} dates the clearing references. */
    public ClearingRules(long settleMillis, int chaosPerMille, IntSupplier perMille, Clock clock) {
        this.settleMillis = settleMillis;
        this.chaosPerMille = chaosPerMille;
        this.perMille = perMille;
        this.clock = clock;
    }

    /**
     * The rules as the server's settings say: {@code clearing.sim.settle-millis} (default 1000) and
     * {@code clearing.sim.chaos-per-mille} (default 0), references dated by the server's clock.
     */
    public static ClearingRules fromSettings() {
        return new ClearingRules(Long.getLong("clearing.sim.settle-millis", 1000),
                Integer.getInteger("clearing.sim.chaos-per-mille", 0), () -> ThreadLocalRandom.current().nextInt(1000),
                Clock.systemDefaultZone());
    }

    /** The clearing system's own reference of a wire: today's date and a number drawn from Teller's reference. */
    public String clearingRef(String reference) {
        return "CN" + today()
                + String.format("%010d", Math.floorMod(reference.hashCode(), 1_000_000_000L));
    }

    /** The clearing system's reference of a wire in from another bank: today's date and a serial. */
    public String incomingRef(long serial) {
        return "CNIN" + today()
                + String.format("%010d", Math.floorMod(serial, 10_000_000_000L));
    }

    /** After how long each copy of a wire in is delivered: one copy at once, a second one late if asked or by chaos. */
    public List<Long> incomingDeliveries(boolean twice) {
        return twice || (chaosPerMille > 0 && perMille.getAsInt() < chaosPerMille) ? List.of(0L, settleMillis * 2)
                : List.of(0L);
    }

    /** The clearing system's day, as its references write it (yyyyMMdd), by the clock it was given. */
    private String today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone()).format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    public List<Answer> answers(String payeeBank, String payeeAccount) {
        List<Answer> answers = new ArrayList<>();
        if (!DIRECTORY.contains(payeeBank)) {
            answers.add(new Answer("REJECTED", 0, "participant " + payeeBank + " unknown to the clearing system"));
            return withChaos(answers);
        }
        String last = payeeAccount.length() < 4 ? payeeAccount : payeeAccount.substring(payeeAccount.length() - 4);
        switch (last) {
            case "9999" -> {
                return answers; // lost: never answered
            }
            case "3333" -> answers.add(new Answer("SETTLED", settleMillis * 10, null));
            default -> {
                answers.add(new Answer("ACCEPTED", 0, null));
                answers.add(new Answer("SETTLED", settleMillis, null));
            }
        }
        switch (last) {
            case "4040" -> answers.add(new Answer("RETURNED", settleMillis * 2, "payee account does not exist"));
            case "4041" -> answers.add(new Answer("RETURNED", settleMillis * 2, "payee name does not match the account"));
            case "6666" -> answers.add(new Answer("REJECTED", settleMillis * 2, "rejected after settlement (wrong answer)"));
            case "2222" -> {
                return twice(answers);
            }
            default -> {
            }
        }
        return withChaos(answers);
    }

    private static List<Answer> twice(List<Answer> answers) {
        List<Answer> doubled = new ArrayList<>();
        answers.forEach(answer -> {
            doubled.add(answer);
            doubled.add(answer);
        });
        return doubled;
    }

    private List<Answer> withChaos(List<Answer> answers) {
        if (chaosPerMille <= 0) {
            return answers;
        }
        List<Answer> sent = new ArrayList<>();
        for (Answer answer : answers) {
            sent.add(answer);
            if (perMille.getAsInt() < chaosPerMille) {
                sent.add(answer);
            }
        }
        return sent;
    }
}
