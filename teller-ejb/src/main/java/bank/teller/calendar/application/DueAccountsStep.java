package bank.teller.calendar.application;

import bank.teller.platform.AccountRange;
import bank.teller.platform.Jdbc;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;

/**
 * A {@link ProductStep} whose due accounts one SQL condition finds: {@code due} is the statement's
 * FROM and WHERE over the account table as {@code a}, with one date parameter, {@link #dueBy}.
 */
public abstract class DueAccountsStep implements ProductStep {

    private final String name;
    private final String due;

    @Inject
    private Jdbc jdbc;
    @Inject
    private WorkingCalendar workingCalendar;

    /** The step {@code name}d in the job, whose accounts {@code due} ({@code FROM ... a ... WHERE ...}) finds. */
    protected DueAccountsStep(String name, String due) {
        this.name = name;
        this.due = due;
    }

    @Override
    public String name() {
        return name;
    }

    /** The date the due condition takes, for the end of day of {@code closing}. */
    protected abstract LocalDate dueBy(LocalDate closing);

    @Override
    public long countDue(AccountRange range, LocalDate closing) {
        return jdbc.query("SELECT COUNT(*) " + due + " AND " + range.sql(), row -> row.getLong(1),
                range.parameters(List.of(dueBy(closing)))).get(0);
    }

    @Override
    public List<String> duePage(AccountRange range, LocalDate closing, int max) {
        return jdbc.query("SELECT a.account_number " + due + " AND " + range.sql() + " ORDER BY a.account_number"
                + Jdbc.firstRows(max), row -> row.getString(1), range.parameters(List.of(dueBy(closing))));
    }

    /** The last day the end of day of {@code closing} covers: the day before the next business day. */
    protected LocalDate lastDay(LocalDate closing) {
        return workingCalendar.days().next(closing).minusDays(1);
    }
}
