package bank.teller.batch;

import bank.teller.platform.ClusterPrimary;
import bank.teller.security.Roles;
import bank.teller.shared.TellerException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.logging.Logger;

/**
 * Starts end of day every evening at {@code teller.eod.time} (HH:mm, default 22:00) in the branches'
 * time zone {@code teller.eod.zone} (default Asia/Shanghai), when the business date is that day's
 * date: on a closed day (a weekend, a holiday) the business day has not begun and nothing starts.
 * {@code teller.eod.time=off} leaves it to the supervisors' screen. A run that finds branches still
 * open fails at its checks and says which; a supervisor restarts it once they have closed.
 */
@Singleton
@Startup
@PermitAll
@RunAs(Roles.SUPERVISOR)
public class EndOfDaySchedule {

    private static final Logger LOG = Logger.getLogger(EndOfDaySchedule.class.getName());
    static final String OFF = "off";

    @Resource
    private TimerService timers;
    @EJB
    private BatchJobs jobs;
    @EJB
    private EndOfDayWork work;

    private final Clock clock = Clock.systemUTC();
    private ZoneId zone;

    @PostConstruct
    void schedule() {
        String time = System.getProperty("teller.eod.time", "22:00");
        zone = ZoneId.of(System.getProperty("teller.eod.zone", "Asia/Shanghai"));
        if (OFF.equalsIgnoreCase(time)) {
            LOG.info("end of day is not scheduled (teller.eod.time=off): supervisors start it");
            return;
        }
        LocalTime at = LocalTime.parse(time);
        timers.createCalendarTimer(new ScheduleExpression().hour(at.getHour()).minute(at.getMinute()).second(0)
                .timezone(zone.getId()), new TimerConfig("end-of-day", false));
        LOG.info(() -> "end of day starts every day at " + at + " " + zone.getId() + " on business days");
    }

    @Timeout
    void evening() {
        if (!ClusterPrimary.here()) {
            return; // the primary node starts it
        }
        LocalDate date = clock.instant().atZone(zone).toLocalDate();
        LocalDate businessDate = work.today();
        if (!businessDate.equals(date)) {
            LOG.info(() -> "no end of day on " + date + ": the business date is " + businessDate);
            return;
        }
        try {
            long execution = jobs.startEndOfDay(businessDate.toString(), null);
            LOG.info(() -> "end of day of " + businessDate + " started: run " + execution);
        } catch (TellerException refused) {
            LOG.warning(() -> "end of day of " + businessDate + " not started: " + refused.getMessage());
        }
    }
}
