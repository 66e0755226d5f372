package bank.teller.deposit.application;

import bank.teller.account.application.Accounts;
import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.calendar.application.BusinessDays;
import bank.teller.calendar.application.WorkingCalendar;
import bank.teller.deposit.domain.DepositProduct;
import bank.teller.deposit.domain.InterestAccrual;
import bank.teller.deposit.domain.RateTable;
import bank.teller.ledger.application.Ledger;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.ledger.domain.Side;
import bank.teller.platform.Database;
import bank.teller.platform.AccountRange;
import bank.teller.platform.Jdbc;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.Money;
import bank.teller.shared.StoredTime;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Demand interest (活期利息) as end of day runs it, a page of accounts at a time: the accrual of the
 * closing day's end-of-day balance for that day and the closed days after it (积数 and interest,
 * unrounded, in {@code interest_accrual}), and the quarterly settlement: one balanced entry per
 * account, Dr interest expense / Cr the account, "结息" on its statement and no voucher.
 *
 * <p>Neither ever counts a day twice: an accrual adds only the days after the last one accrued (and
 * writes on that condition), a settlement posts once per account and period (its entry is unique for
 * the request id {@code interest:<account>:<period end>} of end of day's caller) and marks the period
 * settled in the same transaction.
 */
@Stateless
@RolesAllowed(Roles.SUPERVISOR)
public class DemandInterest {

    public static final String SETTLEMENT = "INTEREST_SETTLEMENT";
    /** The ledger codes of the accounts that earn demand interest. */
    private static final String EARNING = "a.gl_code IN ('" + GlCodes.INDIVIDUAL_DEMAND_DEPOSITS + "', '"
            + GlCodes.CORPORATE_DEMAND_DEPOSITS + "') AND a.status <> 'CLOSED'";

    /** An account as the accrual reads it: its end-of-day balance and its period so far (null: none yet). */
    public record AccrualItem(String accountNumber, String currency, BigDecimal balance, InterestAccrual current) {
    }

    /**
     * Interest to date (利息): what the account has earned since its last settlement, from the first
     * day not settled through the last day accrued (end of day accrues; a day not yet closed is not
     * in it), the interest rounded to the fen as it would be posted, and today's annual rate.
     */
    public record InterestToDate(String accountNumber, LocalDate since, LocalDate accruedThrough, String balanceSum,
                                 String interest, String ratePercent) {
    }

    /** A period whose interest is due. */
    public record SettlementItem(String accountNumber, LocalDate periodEnd) {
    }

    /** What a page or an account came to: items posted (accrued, settled) and skipped, with why. */
    public record Outcome(int posted, int skipped, String reason) {
        static Outcome one() {
            return new Outcome(1, 0, null);
        }

        static Outcome skipped(String reason) {
            return new Outcome(0, 1, reason);
        }
    }

    @Inject
    private Jdbc jdbc;
    @EJB
    private Database database;
    @Inject
    private RateTables rateTables;
    @Inject
    private WorkingCalendar workingCalendar;
    @Inject
    private Accounts accounts;
    @Inject
    private Ledger ledger;
    @Inject
    private BusinessCalendar calendar;
    @EJB
    private AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public InterestToDate toDate(String accountNumber) {
        Account account = accounts.require(new AccountNumber(accountNumber));
        InterestAccrual unsettled = unsettled(account.number().value(), "");
        BigDecimal rate = rateTables.of(DepositProduct.DEMAND).on(calendar.today());
        return new InterestToDate(account.number().value(), unsettled == null ? null : unsettled.since(),
                unsettled == null ? null : unsettled.through(),
                unsettled == null ? "0.00" : unsettled.balanceSum().setScale(2).toPlainString(),
                unsettled == null ? "0.00" : unsettled.settled(account.currency()).amount().toPlainString(),
                rate.movePointRight(2).stripTrailingZeros().toPlainString());
    }

    /**
     * For closing an account (locked by the caller, in the caller's transaction): settles every
     * period not settled yet, the interest rounded to the fen posted to the account before its
     * balance is paid out (the closing day itself earns nothing: 算头不算尾); answers what was posted.
     */
    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR})
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Money settleOnClosing(Account account, String teller) {
        String number = account.number().value();
        InterestAccrual unsettled = unsettled(number, database.forUpdate());
        Money interest = unsettled == null ? Money.zero(account.currency()) : unsettled.settled(account.currency());
        LocalDate today = calendar.today();
        Long entryId = interest.amount().signum() > 0 ? post(account, interest, today, teller, "interest:" + number
                + ":" + today, unsettled).id() : null;
        jdbc.update("UPDATE interest_accrual SET settled_on = ?, settled_entry = ? WHERE account_number = ? "
                + "AND settled_on IS NULL", today, entryId, number);
        return interest;
    }

    /** The account's periods not settled yet as one accrual (null: none), their rows locked with {@code lock}. */
    private InterestAccrual unsettled(String accountNumber, String lock) {
        List<InterestAccrual> periods = jdbc.query("SELECT period_start, accrued_through, balance_sum, interest "
                        + "FROM interest_accrual WHERE account_number = ? AND settled_on IS NULL ORDER BY period_end" + lock,
                row -> new InterestAccrual(row.getObject(1, LocalDate.class), row.getObject(2, LocalDate.class),
                        row.getBigDecimal(3), row.getBigDecimal(4)), accountNumber);
        return periods.stream().reduce((earlier, later) -> new InterestAccrual(earlier.since(), later.through(),
                earlier.balanceSum().add(later.balanceSum()), earlier.accrued().add(later.accrued()))).orElse(null);
    }

    /**
     * Posts {@code interest} to the account (locked by the caller): Dr interest expense / Cr the
     * account, the entry unique for {@code requestId} of its caller, audited.
     */
    private JournalEntry post(Account account, Money interest, LocalDate day, String teller, String requestId,
                              InterestAccrual accrual) {
        Money after = account.creditInterest(interest);
        accounts.writeBalances();
        String number = account.number().value();
        JournalEntry entry = ledger.post(JournalEntry.balanced(SETTLEMENT, day, account.branchCode(), teller, requestId,
                StoredTime.now(clock), List.of(PostingLine.gl(GlCodes.INTEREST_EXPENSE, Side.DEBIT, interest),
                        PostingLine.customer(account.glCode(), number, Side.CREDIT, interest, after)))
                .requestedBy(teller, requestId));
        audit.record(SETTLEMENT, number, "entry " + entry.id() + ": interest " + interest + " for " + accrual.since()
                + " to " + accrual.through() + " (balance-sum " + accrual.balanceSum() + ")", AuditEvent.SUCCESS);
        return entry;
    }

    /**
     * Where to split the accounts into {@code partitions} ranges of about the same size: the
     * account numbers that end each range but the last (fewer when there are few accounts).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> rangeEnds(int partitions) {
        long count = jdbc.query("SELECT COUNT(*) FROM account", row -> row.getLong(1)).get(0);
        List<String> ends = new ArrayList<>();
        for (int i = 1; i < partitions; i++) {
            long offset = count * i / partitions - 1;
            if (offset < 0) {
                continue;
            }
            jdbc.query("SELECT account_number FROM account ORDER BY account_number OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY",
                    row -> row.getString(1), offset).stream().filter(end -> !ends.contains(end)).forEach(ends::add);
        }
        return ends;
    }

    /** How many accounts of the range ({@code after} excluded, {@code upTo} included; null: open) earn interest. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long countEarning(String after, String upTo) {
        AccountRange range = new AccountRange(after, upTo);
        return jdbc.query("SELECT COUNT(*) FROM account a WHERE " + EARNING + " AND " + range.sql(),
                row -> row.getLong(1), range.parameters(List.of())).get(0);
    }

    /** The next {@code max} accounts of the range that earn interest, after {@code after}, in number order. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AccrualItem> accrualPage(String after, String upTo, int max) {
        AccountRange range = new AccountRange(after, upTo);
        return jdbc.query("SELECT a.account_number, a.currency, a.balance + COALESCE((SELECT SUM(p.amount) "
                        + "FROM pending_credit p WHERE p.account_number = a.account_number), 0), "
                        + "i.period_start, i.accrued_through, i.balance_sum, i.interest FROM (SELECT a.account_number, "
                        + "a.currency, a.balance FROM account a WHERE " + EARNING + " AND " + range.sql()
                        + " ORDER BY a.account_number" + Jdbc.firstRows(max) + ") a "
                        + "LEFT JOIN interest_accrual i ON i.account_number = a.account_number AND i.period_end = "
                        + "(SELECT MAX(x.period_end) FROM interest_accrual x WHERE x.account_number = a.account_number) "
                        + "ORDER BY a.account_number",
                row -> new AccrualItem(row.getString(1), row.getString(2), row.getBigDecimal(3),
                        row.getObject(4) == null ? null : new InterestAccrual(row.getObject(4, LocalDate.class),
                                row.getObject(5, LocalDate.class), row.getBigDecimal(6), row.getBigDecimal(7))),
                range.parameters(List.of()));
    }

    /**
     * Accrues the accounts for {@code closing} and the closed days up to the next business day, in
     * the caller's transaction (one batch of updates and one of inserts). An account accrued through
     * those days already is skipped; one whose period changed since it was read fails the page.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Outcome accrue(List<AccrualItem> items, LocalDate closing) {
        LocalDate last = workingCalendar.days().next(closing).minusDays(1);
        RateTable rates = rateTables.of(DepositProduct.DEMAND);
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        int skipped = 0;
        for (AccrualItem item : items) {
            InterestAccrual current = item.current() == null ? InterestAccrual.from(closing) : item.current();
            if (!current.through().isBefore(last)) {
                skipped++;
                continue;
            }
            List<InterestAccrual> periods = current.accrueThrough(last, Money.of(item.balance(), item.currency()), rates,
                    DepositProduct.DEMAND.dayCount());
            for (InterestAccrual period : periods) {
                boolean stored = item.current() != null && period.since().equals(current.since());
                if (stored) {
                    updates.add(new Object[] {period.through(), period.balanceSum(), period.accrued(),
                            item.accountNumber(), period.periodEnd(), current.through()});
                } else {
                    inserts.add(new Object[] {item.accountNumber(), period.periodEnd(), period.since(), period.through(),
                            period.balanceSum(), period.accrued()});
                }
            }
        }
        for (int rows : jdbc.batch("UPDATE interest_accrual SET accrued_through = ?, balance_sum = ?, interest = ? "
                + "WHERE account_number = ? AND period_end = ? AND accrued_through = ?", updates)) {
            if (rows != 1) {
                throw new IllegalStateException("an account's interest was accrued behind this accrual's back");
            }
        }
        jdbc.batch("INSERT INTO interest_accrual (account_number, period_end, period_start, accrued_through, "
                + "balance_sum, interest) VALUES (?, ?, ?, ?, ?, ?)", inserts);
        return new Outcome(items.size() - skipped, skipped, skipped == 0 ? null : skipped + " accrued through "
                + last + " already");
    }

    /** How many periods of the range are due for settlement on {@code closing}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long countDue(String after, String upTo, LocalDate closing) {
        AccountRange range = new AccountRange(after, upTo);
        return jdbc.query("SELECT COUNT(*) FROM interest_accrual a WHERE a.settled_on IS NULL AND a.period_end < ? AND "
                + range.sql(), row -> row.getLong(1), range.parameters(List.of(closing))).get(0);
    }

    /**
     * The next {@code max} periods of the range due for settlement on {@code closing}, in account and
     * period order, after the period {@code after} (null: from the range's start, {@code from}).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<SettlementItem> settlementPage(SettlementItem after, String from, String upTo, LocalDate closing,
                                               int max) {
        AccountRange range = new AccountRange(from, upTo);
        Object[] parameters = after == null ? range.parameters(List.of(closing))
                : range.parameters(List.of(closing), after.accountNumber(), after.accountNumber(), after.periodEnd());
        return jdbc.query("SELECT a.account_number, a.period_end FROM interest_accrual a WHERE a.settled_on IS NULL "
                        + "AND a.period_end < ? AND " + range.sql() + (after == null ? "" : " AND (a.account_number > ? "
                        + "OR (a.account_number = ? AND a.period_end > ?))") + " ORDER BY a.account_number, a.period_end"
                        + Jdbc.firstRows(max), row -> new SettlementItem(row.getString(1),
                        row.getObject(2, LocalDate.class)), parameters);
    }

    /**
     * Settles one account's period (end of day gives each a transaction of its own: a failure is
     * that account's alone): posts the interest rounded to the fen HALF_UP and marks the period settled; a period settled
     * already, or whose interest rounds to nothing, is skipped.
     */
    public Outcome settle(SettlementItem item, LocalDate closing) {
        List<Object[]> period = jdbc.query("SELECT interest, settled_on, balance_sum, period_start FROM interest_accrual "
                        + "WHERE account_number = ? AND period_end = ?" + database.forUpdate(),
                row -> new Object[] {row.getBigDecimal(1), row.getObject(2, LocalDate.class), row.getBigDecimal(3),
                        row.getObject(4, LocalDate.class)}, item.accountNumber(), item.periodEnd());
        if (period.isEmpty() || period.get(0)[1] != null) {
            return Outcome.skipped(item.accountNumber() + " settled already");
        }
        Account account = accounts.lockForBalanceChange(new AccountNumber(item.accountNumber()));
        InterestAccrual accrual = new InterestAccrual((LocalDate) period.get(0)[3], item.periodEnd(),
                (BigDecimal) period.get(0)[2], (BigDecimal) period.get(0)[0]);
        Money interest = accrual.settled(account.currency());
        Long entryId = interest.amount().signum() > 0 ? post(account, interest, closing, BusinessDays.SYSTEM_USER,
                "interest:" + item.accountNumber() + ":" + item.periodEnd(), accrual).id() : null;
        jdbc.update("UPDATE interest_accrual SET settled_on = ?, settled_entry = ? WHERE account_number = ? "
                + "AND period_end = ?", closing, entryId, item.accountNumber(), item.periodEnd());
        return entryId == null ? Outcome.skipped(item.accountNumber() + " earned under half a fen") : Outcome.one();
    }
}
