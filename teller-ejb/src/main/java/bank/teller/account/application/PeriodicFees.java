package bank.teller.account.application;

import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.account.domain.AccountStatus;
import bank.teller.account.domain.AccountType;
import bank.teller.account.domain.AverageDailyBalance;
import bank.teller.account.domain.Card;
import bank.teller.account.domain.Movement;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.calendar.application.BusinessDays;
import bank.teller.calendar.application.ProductStep;
import bank.teller.calendar.application.WorkingCalendar;
import bank.teller.fee.application.Fees;
import bank.teller.ledger.application.Ledger;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.platform.AccountRange;
import bank.teller.platform.Jdbc;
import bank.teller.shared.Money;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Periodic account fees (账户管理类费用), as a step of end of day on the month's last business day
 * (on any other day nothing is due), for the month ending then. The fee schedule prices each (its
 * rules per customer class, its waivers); {@code periodic_fee} says who owes it:
 * <ul>
 * <li>the annual card fee ({@value #CARD_FEE}): an account with an active card in the card's
 * anniversary month, from its second year;</li>
 * <li>the small-balance fee ({@value #SMALL_BALANCE_FEE}): an account open before the month whose
 * average daily balance over the month was under the fee's threshold.</li>
 * </ul>
 * A fee never takes the account below zero nor into what is held or frozen: what the available balance
 * does not cover is not collected (no arrears), and a frozen or dormant account pays nothing. Each
 * fee, account and month is charged once ({@code periodic_fee_charge}, and the entry's request id),
 * so a restart never charges twice.
 */
@ApplicationScoped
public class PeriodicFees implements ProductStep {

    public static final String STEP = "periodic-fees";
    public static final String CARD_FEE = "ANNUAL_CARD_FEE";
    public static final String SMALL_BALANCE_FEE = "SMALL_BALANCE_FEE";

    /** Whether the fee was charged to the account for the period already (parameters: fee, period end). */
    private static final String CHARGED = "EXISTS (SELECT 1 FROM periodic_fee_charge f WHERE f.fee_code = ? "
            + "AND f.account_number = a.account_number AND f.period_end = ?)";

    /**
     * An active card in its anniversary month from its second year: a card expires at the end of the
     * month it was issued in, {@value Card#VALID_YEARS} years on (parameters: month, period end, the
     * month's start that many years on).
     */
    private static final String CARD_YEAR = "EXISTS (SELECT 1 FROM card c WHERE c.account_number = a.account_number "
            + "AND c.status = 'ACTIVE' AND EXTRACT(MONTH FROM c.expires_on) = ? AND c.expires_on > ? AND c.expires_on < ?)";

    /**
     * Open before the month and either under the threshold now or moved in the month: an account that
     * did not move and is at or over it now was all month (parameters: month start, threshold, month start).
     */
    private static final String SMALL_BALANCE = "a.opened_on < ? AND (a.balance < ? OR EXISTS (SELECT 1 FROM journal_line l "
            + "JOIN journal_entry e ON e.id = l.entry_id WHERE l.account_number = a.account_number AND e.business_date >= ?))";

    private static final String DUE = "FROM account a WHERE a.status <> 'CLOSED' AND a.account_type IN ("
            + AccountType.demandTypesInSql() + ") AND ((" + CARD_YEAR + " AND NOT " + CHARGED + ") OR ("
            + SMALL_BALANCE + " AND NOT " + CHARGED + "))";

    @Inject
    private Jdbc jdbc;
    @Inject
    private WorkingCalendar workingCalendar;
    @Inject
    private Accounts accounts;
    @Inject
    private AccountMovements movements;
    @Inject
    private Ledger ledger;
    @EJB
    private Fees fees;
    @EJB
    private AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    @Override
    public String name() {
        return STEP;
    }

    @Override
    public long countDue(AccountRange range, LocalDate closing) {
        YearMonth month = monthEnding(closing);
        return month == null ? 0 : jdbc.query("SELECT COUNT(*) " + DUE + " AND " + range.sql(),
                row -> row.getLong(1), range.parameters(dueParameters(month))).get(0);
    }

    @Override
    public List<String> duePage(AccountRange range, LocalDate closing, int max) {
        YearMonth month = monthEnding(closing);
        return month == null ? List.of() : jdbc.query("SELECT a.account_number " + DUE + " AND " + range.sql()
                + " ORDER BY a.account_number" + Jdbc.firstRows(max), row -> row.getString(1),
                range.parameters(dueParameters(month)));
    }

    @Override
    public Outcome process(String accountNumber, LocalDate closing) {
        YearMonth month = monthEnding(closing);
        if (month == null) {
            return Outcome.skipped(closing + " is not the last business day of its month");
        }
        Account account = accounts.lockForPosting(new AccountNumber(accountNumber));
        // the month's average as the customer left it, before any of its fees
        boolean smallBalance = account.openedOn().isBefore(month.atDay(1))
                && !charged(SMALL_BALANCE_FEE, accountNumber, month)
                && averageBalance(account, month).compareTo(threshold()) < 0;
        List<String> notes = new ArrayList<>();
        int charged = 0;
        if (owesCardFee(accountNumber, month) && !charged(CARD_FEE, accountNumber, month)) {
            charged += charge(CARD_FEE, account, month, closing, notes);
        }
        if (smallBalance) {
            charged += charge(SMALL_BALANCE_FEE, account, month, closing, notes);
        }
        String reason = notes.isEmpty() ? null : String.join("; ", notes);
        // posted when something was taken; the report's reason only for what was owed and not collected
        return charged > 0 ? new Outcome(1, 0, reason) : new Outcome(0, 1, reason);
    }

    /** The month {@code closing} ends (its last business day), or null. */
    private YearMonth monthEnding(LocalDate closing) {
        YearMonth month = YearMonth.from(closing);
        return YearMonth.from(workingCalendar.days().next(closing)).isAfter(month) ? month : null;
    }

    private List<Object> dueParameters(YearMonth month) {
        LocalDate start = month.atDay(1);
        LocalDate end = month.atEndOfMonth();
        return List.of(month.getMonthValue(), end, start.plusYears(Card.VALID_YEARS), CARD_FEE, end,
                start, threshold(), start, SMALL_BALANCE_FEE, end);
    }

    private boolean owesCardFee(String accountNumber, YearMonth month) {
        LocalDate start = month.atDay(1);
        return !jdbc.query("SELECT 1 FROM account a WHERE a.account_number = ? AND " + CARD_YEAR, row -> 1,
                accountNumber, month.getMonthValue(), month.atEndOfMonth(), start.plusYears(Card.VALID_YEARS)).isEmpty();
    }

    private boolean charged(String fee, String accountNumber, YearMonth month) {
        return !jdbc.query("SELECT 1 FROM account a WHERE a.account_number = ? AND " + CHARGED, row -> 1,
                accountNumber, fee, month.atEndOfMonth()).isEmpty();
    }

    private BigDecimal threshold() {
        return jdbc.query("SELECT balance_below FROM periodic_fee WHERE code = ?", row -> row.getBigDecimal(1),
                SMALL_BALANCE_FEE).get(0);
    }

    /** The account's average daily balance over the month, worked back from its balance now. */
    private BigDecimal averageBalance(Account account, YearMonth month) {
        Map<LocalDate, BigDecimal> net = new TreeMap<>();
        jdbc.query("SELECT e.business_date, SUM(CASE WHEN l.side = 'CREDIT' THEN l.amount ELSE -l.amount END) "
                        + "FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id WHERE l.account_number = ? "
                        + "AND e.business_date >= ? GROUP BY e.business_date",
                row -> net.put(row.getObject(1, LocalDate.class), row.getBigDecimal(2)),
                account.number().value(), month.atDay(1));
        return AverageDailyBalance.over(month.atDay(1), month.atEndOfMonth(), account.balance().amount(), net);
    }

    /**
     * Charges {@code fee} for the month as far as the available balance covers it and records what was
     * owed and taken; returns 1 when something was taken. A fee the schedule prices at zero for the
     * account (no rule for its class, or waived) is not owed: nothing is recorded.
     */
    private int charge(String fee, Account account, YearMonth month, LocalDate closing, List<String> notes) {
        String number = account.number().value();
        Money owed = fees.feeFor(fee, AccountMovements.payerOf(account), account.balance());
        if (owed.isZero()) {
            return 0;
        }
        Money available = Money.zero(account.currency());
        String refusal = null;
        if (account.status() != AccountStatus.ACTIVE || account.hot()) {
            refusal = "account " + (account.hot() ? "hot" : account.status());
        } else {
            try {
                account.requireDebitAllowed(Movement.FEE, closing);
                available = movements.available(account);
            } catch (TellerException refused) {
                refusal = refused.getMessage();
            }
        }
        Money taken = owed.compareTo(available) <= 0 ? owed : available;
        Instant now = StoredTime.now(clock);
        Long entryId = null;
        if (!taken.isZero()) {
            String requestId = "fee:" + fee + ":" + number + ":" + month.atEndOfMonth();
            entryId = ledger.post(JournalEntry.balanced(fee, closing, account.branchCode(), BusinessDays.SYSTEM_USER,
                            requestId, now, movements.chargeFee(account, taken, requestId))
                    .requestedBy(BusinessDays.SYSTEM_USER, requestId)).id();
        }
        String note = taken.equals(owed) ? null : Text.abbreviated("not collected " + owed.minus(taken).toPlainString()
                + " (" + (refusal == null ? "available " + available.toPlainString() : refusal) + ")", 200);
        jdbc.update("INSERT INTO periodic_fee_charge (fee_code, account_number, period_end, owed, charged, entry_id, "
                        + "note, business_date, charged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", fee, number,
                month.atEndOfMonth(), owed.amount(), taken.amount(), entryId, note, closing, now);
        audit.record(fee, number, month + ": owed " + owed.toPlainString() + ", charged " + taken.toPlainString()
                + (entryId == null ? "" : ", entry " + entryId) + (note == null ? "" : ", " + note), AuditEvent.SUCCESS);
        if (note != null) {
            notes.add(number + ": " + fee + " " + note);
        }
        return taken.isZero() ? 0 : 1;
    }
}
