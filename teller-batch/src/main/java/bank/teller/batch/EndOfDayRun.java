package bank.teller.batch;

import bank.teller.shared.Dates;
import bank.teller.shared.TellerException;
import jakarta.batch.runtime.context.JobContext;
import java.time.LocalDate;

/** What every end-of-day artifact reads of its run: the business day it closes, and how a failure reads. */
final class EndOfDayRun {

    static final String BUSINESS_DATE = "businessDate";
    static final String PARTITIONS = "partitions";

    private EndOfDayRun() {
    }

    /** The business day the run closes (its job parameter, kept by restarts). */
    static LocalDate closing(JobContext job) {
        return Dates.required(BUSINESS_DATE, job.getProperties().getProperty(BUSINESS_DATE));
    }

    /** A failure as the report shows it: a business refusal by its code and arguments, else its kind and message. */
    static String reason(Throwable failed) {
        Throwable cause = failed;
        while (cause.getCause() != null && !(cause instanceof TellerException)) {
            cause = cause.getCause();
        }
        String text = cause instanceof TellerException ? cause.getMessage()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
