package bank.teller.shared;

import bank.teller.platform.ClusterPrimary;
import jakarta.ejb.EJBException;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The timing of a background run (the outbox relay, the audit chainer): each run is timed a period
 * after the previous one ended (a single-action timer), never on a fixed beat, so a run that takes
 * longer (a backlog, a broker that answers slowly) is not overlapped by the next, nor does the
 * container warn each second that it skipped one. Should the next run ever not have been timed (the
 * timer service refused), {@link #watch} times it: the singleton's lock keeps that apart from a run,
 * and each run times the next as it ends, so a next run timed long ago means none is coming.
 */
public final class NextRun {

    private static final Logger LOG = Logger.getLogger(NextRun.class.getName());

    private final String run;
    private final long periodMillis;
    private final Clock clock;
    private Instant timedAt;

    public NextRun(String run, long periodMillis, Clock clock) {
        this.run = run;
        this.periodMillis = periodMillis;
        this.clock = clock;
    }

    /**
     * One run: {@code work} if this server does the background work ({@link ClusterPrimary}: always on a
     * single server, on the primary node of a cluster), then the next run timed, whatever happened.
     */
    public void run(TimerService timers, Runnable work) {
        try {
            if (ClusterPrimary.here()) {
                work.run();
            }
        } finally {
            time(timers);
        }
    }

    /** Times the next run, a period from now. */
    public void time(TimerService timers) {
        try {
            timers.createSingleActionTimer(periodMillis, new TimerConfig(run, false));
            timedAt = clock.instant();
        } catch (IllegalStateException | EJBException stopping) {
            LOG.info(run + " not timed again: " + RepeatedFailures.reason(stopping));
        }
    }

    /** Times the next run if none is coming (called once a minute). */
    public void watch(TimerService timers) {
        if (timedAt == null || timedAt.isBefore(clock.instant().minusSeconds(30))) {
            time(timers);
        }
    }
}
