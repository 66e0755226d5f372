package bank.teller.calendar.application;

import bank.teller.platform.AccountRange;
import java.time.LocalDate;
import java.util.List;

/**
 * A product's step of the end-of-day job (maturities, lapses): the accounts with something due on
 * the closing day, each done in a transaction of its own. An account done leaves the due ones, so a
 * restart reads its range again and finds only what is left. A product plugs in by implementing
 * this as a CDI bean and naming it in a step of {@code end-of-day.xml} (the step's {@code product}
 * property; {@link EndOfDayProducts} runs it).
 */
public interface ProductStep {

    /** What processing one account came to: changed (posted) or left as it was (skipped), and why. */
    record Outcome(int posted, int skipped, String reason) {

        public static Outcome done() {
            return new Outcome(1, 0, null);
        }

        public static Outcome skipped(String reason) {
            return new Outcome(0, 1, reason);
        }
    }

    /** The step's name, as the job's step names it. */
    String name();

    /** How many accounts of the range have something due on {@code closing}. */
    long countDue(AccountRange range, LocalDate closing);

    /** The next {@code max} of them in account order, after the range's start (the last one read, when paging). */
    List<String> duePage(AccountRange range, LocalDate closing, int max);

    /** Does what is due on the account, in the caller's transaction. */
    Outcome process(String accountNumber, LocalDate closing);
}
