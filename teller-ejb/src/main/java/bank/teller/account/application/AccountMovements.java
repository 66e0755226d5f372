package bank.teller.account.application;

import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountType;
import bank.teller.account.domain.ClassLimits;
import bank.teller.account.domain.LimitUsage;
import bank.teller.account.domain.Movement;
import bank.teller.account.domain.Restriction;
import bank.teller.fee.application.Fees;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.ledger.domain.Side;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.Money;
import bank.teller.shared.TransactionMemo;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Every change to a customer account's balance by a posting goes through here, on an account the
 * caller has locked (a hot account's credit: read, not locked, see {@link Accounts#forCredit}): the
 * account type's rules (expiry, corporate cash, class-III cap), class-II limits (what counted so far
 * today and this year, and what this movement adds to it), the available balance, and fees. Runs
 * inside the posting's transaction.
 */
@ApplicationScoped
public class AccountMovements {

    private static final ClassLimits LIMITS = ClassLimits.fromSystemProperties();

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private Accounts accounts;
    @Inject
    private BusinessCalendar calendar;
    @EJB
    private Fees fees;

    /**
     * Credits {@code amount}; returns the balance after, or null for a hot account: its credit is
     * pending (its journal line has no balance after; AccountPostings records it), the row untouched.
     */
    public Money credit(Account account, Money amount, Movement movement, String requestId) {
        LocalDate today = calendar.today();
        account.requireCreditAllowed(amount, LIMITS, today);
        if (account.hot()) {
            account.requirePendingCreditAllowed(amount);
            return null;
        }
        countTowardClassLimits(account, LimitUsage.IN, amount, movement, requestId, today);
        return account.credit(amount);
    }

    /** Debits {@code amount}; returns the balance after. */
    public Money debit(Account account, Money amount, Movement movement, String requestId) {
        LocalDate today = calendar.today();
        account.requireDebitAllowed(movement, today);
        countTowardClassLimits(account, LimitUsage.OUT, amount, movement, requestId, today);
        return account.debit(amount, restrictionsOf(account), today);
    }

    /** What the account can pay out today, after the holds and freezes in force. */
    public Money available(Account account) {
        return account.availableBalance(restrictionsOf(account), calendar.today());
    }

    /** Refused unless the available balance covers {@code total} (an amount with its fee). */
    public void requireCovers(Account account, Money total) {
        account.requireAvailable(total, restrictionsOf(account), calendar.today());
    }

    /** The account's restrictions, read once per transaction: no posting places or releases one. */
    private List<Restriction> restrictionsOf(Account account) {
        return TransactionMemo.get("restrictions", account.number().value(),
                () -> accounts.unreleasedRestrictionsOf(account.number()));
    }

    /** How a transfer between the two accounts counts: with a bound account or not. */
    public Movement transferBetween(Account one, Account other) {
        return one.boundTo(other) ? Movement.TRANSFER_BOUND : Movement.TRANSFER_OTHER;
    }

    /** The fee {@code payer} pays for {@code amount} of {@code operation} (zero when the schedule has none). */
    public Money fee(String operation, Account payer, Money amount) {
        return fees.feeFor(operation, payerOf(payer), amount);
    }

    /** Who pays a fee from {@code account}, as the fee schedule sees them. */
    public static Fees.Payer payerOf(Account account) {
        return new Fees.Payer(account.type().customerType().name(), account.type().name(), account.number().value());
    }

    /** Debits the fee and says how to book it (Dr payer / Cr fee income); nothing when it is zero. */
    public List<PostingLine> chargeFee(Account payer, Money fee, String requestId) {
        if (fee.isZero()) {
            return List.of();
        }
        Money after = debit(payer, fee, Movement.FEE, requestId);
        return List.of(PostingLine.customer(payer.glCode(), payer.number().value(), Side.DEBIT, fee, after),
                PostingLine.gl(GlCodes.FEE_INCOME, Side.CREDIT, fee));
    }

    private void countTowardClassLimits(Account account, String direction, Money amount, Movement movement,
                                        String requestId, LocalDate today) {
        if (!movement.countsTowardClassLimits() || account.type() != AccountType.INDIVIDUAL_II) {
            return;
        }
        account.requireWithinClassLimits(amount, used(account, direction, today, today),
                used(account, direction, today.withDayOfYear(1), today), LIMITS);
        em.persist(new LimitUsage(account.number(), direction, today, amount, requestId));
    }

    private Money used(Account account, String direction, LocalDate from, LocalDate to) {
        BigDecimal sum = (BigDecimal) em.createNativeQuery("SELECT COALESCE(SUM(amount), 0) FROM account_limit_usage "
                        + "WHERE account_number = ?1 AND direction = ?2 AND business_date BETWEEN ?3 AND ?4")
                .setParameter(1, account.number().value()).setParameter(2, direction)
                .setParameter(3, from).setParameter(4, to).getSingleResult();
        return Money.of(sum, account.currency());
    }
}
