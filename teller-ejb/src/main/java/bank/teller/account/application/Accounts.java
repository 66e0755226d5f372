package bank.teller.account.application;

import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.account.domain.AccountStatus;
import bank.teller.account.domain.AccountType;
import bank.teller.account.domain.Card;
import bank.teller.account.domain.CardNumber;
import bank.teller.account.domain.CardProduct;
import bank.teller.account.domain.Restriction;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.Side;
import bank.teller.platform.Database;
import bank.teller.platform.Jdbc;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.ReferenceData;
import bank.teller.shared.TellerException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Repository of accounts. */
@ApplicationScoped
public class Accounts {

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @EJB
    private Database database;
    @Inject
    private BusinessCalendar calendar;
    @Inject
    private ReferenceData referenceData;
    @Inject
    private Jdbc jdbc;
    @Resource
    private TransactionSynchronizationRegistry transaction;

    private static final CardProduct CARDS = CardProduct.fromSystemProperties();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A card number of the bank's card product that no card has, drawn at random. */
    public CardNumber unusedCardNumber() {
        for (int draw = 0; draw < 20; draw++) {
            CardNumber pan = CardNumber.random(CARDS.bin(), CARDS.length(), RANDOM);
            if (em.find(Card.class, pan.value()) == null) {
                return pan;
            }
        }
        throw new IllegalStateException("no unused card number in 20 draws: the BIN " + CARDS.bin() + " is full");
    }

    /**
     * The account a teller means by {@code accountOrCard}: an account number, or one of the bank's
     * card numbers (which must be active: a lost, blocked or cancelled card stands for nothing).
     */
    public AccountNumber resolve(String accountOrCard) {
        if (!CARDS.isCardNumber(accountOrCard)) {
            return new AccountNumber(accountOrCard);
        }
        CardNumber pan = new CardNumber(accountOrCard);
        Card card = em.find(Card.class, pan.value());
        if (card == null) {
            throw new TellerException(ErrorCode.CARD_NOT_FOUND, pan.masked());
        }
        card.requireUsable(calendar.today());
        return card.accountNumber();
    }

    public CardProduct cardProduct() {
        return CARDS;
    }

    public Account require(AccountNumber number) {
        return Optional.ofNullable(em.find(Account.class, number.value()))
                .orElseThrow(() -> new TellerException(ErrorCode.ACCOUNT_NOT_FOUND, number.value()));
    }

    /**
     * The account, row-locked until the end of the transaction (SELECT ... FOR UPDATE). A hot
     * account's pending credits are folded into its balance first: under the lock its row is its
     * whole balance.
     */
    public Account lockForPosting(AccountNumber number) {
        Account account = em.find(Account.class, number.value(), LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new TellerException(ErrorCode.ACCOUNT_NOT_FOUND, number.value());
        }
        if (account.hot()) {
            foldPendingCredits(account);
        }
        return account;
    }

    /**
     * Several accounts, each row-locked until the end of the transaction, always in ascending
     * account-number order: every use case that locks more than one account goes through here (or
     * {@link #forTransfer}, in the same order), so no two transactions can wait for each other.
     */
    public Map<AccountNumber, Account> lockAllForPosting(AccountNumber... numbers) {
        Map<AccountNumber, Account> locked = new LinkedHashMap<>();
        inLockOrder(numbers).forEach(number -> locked.put(number, lockForPosting(number)));
        return locked;
    }

    /** The accounts in the one order every lock of several accounts takes: ascending numbers, each once. */
    private static Stream<AccountNumber> inLockOrder(AccountNumber... numbers) {
        return Arrays.stream(numbers).distinct().sorted(Comparator.comparing(AccountNumber::value));
    }

    /**
     * The account, row-locked until the end of the transaction, for a posting that changes nothing
     * but its balance (a cash deposit or withdrawal, a transfer): read without JPA, and its balance
     * written by {@link #writeBalances} with the posting's entry (issue 14); a transaction that
     * changes it and does not write it is rolled back. A hot account's pending credits are folded in
     * first, as by {@link #lockForPosting}.
     */
    public Account lockForBalanceChange(AccountNumber number) {
        Account account = lockedRow(number);
        if (account.hot()) {
            foldPendingCredits(account);
        }
        return account;
    }

    /** The account's row, locked, read without JPA and tracked for {@link #writeBalances}. */
    private Account lockedRow(AccountNumber number) {
        Account.Stored row = stored(number, database.forUpdate());
        Account account = Account.restored(row);
        BalanceChanges.of(transaction).track(account, row.balance(), row.version());
        return account;
    }

    /** Writes the balances this transaction changed on accounts it locked with {@link #lockForBalanceChange}. */
    public void writeBalances() {
        for (Object[] change : BalanceChanges.takeChanged(transaction)) {
            jdbc.writeOne("an account's balance changed behind its row lock",
                    "UPDATE account SET balance = ?, version = version + 1 WHERE account_number = ? AND version = ?",
                    change);
        }
    }

    /**
     * The account, for a posting that only credits it: a hot account is read without a lock (its
     * credit is pending, {@link AccountMovements#credit}), any other is locked as by {@link #lockForBalanceChange}.
     */
    public Account forCredit(AccountNumber number) {
        return hotUnlocked(number).orElseGet(() -> lockForBalanceChange(number));
    }

    /**
     * {@code debited} locked and {@code credited} as {@link #forCredit}, in the order that cannot
     * deadlock (ascending account numbers, as {@link #lockAllForPosting}).
     */
    public Map<AccountNumber, Account> forTransfer(AccountNumber debited, AccountNumber credited) {
        Optional<Account> payee = debited.equals(credited) ? Optional.empty() : hotUnlocked(credited);
        Map<AccountNumber, Account> accounts = new LinkedHashMap<>();
        if (payee.isPresent()) {
            accounts.put(debited, lockForBalanceChange(debited));
            accounts.put(credited, payee.get());
            return accounts;
        }
        inLockOrder(debited, credited).forEach(number -> accounts.put(number, lockForBalanceChange(number)));
        return accounts;
    }

    /** The account read without a lock, if it is hot (its row says so, not only the marks kept): else none. */
    private Optional<Account> hotUnlocked(AccountNumber number) {
        return isHot(number) ? Optional.of(Account.restored(stored(number, ""))).filter(Account::hot)
                : Optional.empty();
    }

    /** The account's row, read without JPA ({@code lock}: "" or {@link Database#forUpdate}), or ACCOUNT_NOT_FOUND. */
    private Account.Stored stored(AccountNumber number, String lock) {
        return jdbc.query("SELECT account_number, customer_id, branch_code, gl_code, product, account_type, "
                        + "expires_on, bound_account, currency, balance, hot, status, opened_on, version FROM account "
                        + "WHERE account_number = ?" + lock, row -> new Account.Stored(row.getString(1), row.getLong(2),
                        row.getString(3), row.getString(4), row.getString(5), AccountType.valueOf(row.getString(6)),
                        row.getObject(7, LocalDate.class), row.getString(8), row.getString(9), row.getBigDecimal(10),
                        row.getBoolean(11), AccountStatus.valueOf(row.getString(12)), row.getObject(13, LocalDate.class),
                        row.getLong(14)), number.value())
                .stream().findFirst().orElseThrow(() -> new TellerException(ErrorCode.ACCOUNT_NOT_FOUND, number.value()));
    }

    /**
     * Whether the account is hot, as of the reference version this transaction read: the marks are
     * reference data, kept across transactions, so a credit learns it without reading the account
     * first. (A credit that missed an unmarking still leaves a pending credit: it is folded all the same.)
     */
    private boolean isHot(AccountNumber number) {
        Set<String> hot = referenceData.get(calendar.referenceVersion(), "hot accounts", "all",
                () -> Set.copyOf(em.createQuery("SELECT a.number FROM Account a WHERE a.hot = TRUE", String.class)
                        .setFlushMode(FlushModeType.COMMIT).getResultList()));
        return hot.contains(number.value());
    }

    /**
     * Records the pending credits of {@code entry}: its credit lines to customer accounts with no
     * balance after, written as one insert (the posting path's known statements, {@link Jdbc}).
     */
    public void recordPendingCredits(JournalEntry entry) {
        jdbc.writeRows("INSERT INTO pending_credit (entry_id, line_no, account_number, amount) VALUES (?, ?, ?, ?)",
                entry.lines().stream().filter(line -> line.accountNumber() != null && line.side() == Side.CREDIT
                                && line.balanceAfter() == null)
                        .map(line -> new Object[] {entry.id(), line.lineNo(), line.accountNumber(),
                                line.amount().amount()}).toList());
    }

    /**
     * For readers: each account's whole balance, its row with its pending credits, read in one
     * statement (a fold between two statements would have one see a credit twice or not at all).
     */
    public void readBalances(Collection<Account> read) {
        if (read.isEmpty()) {
            return;
        }
        Map<String, Account> byNumber = read.stream().collect(Collectors.toMap(a -> a.number().value(), a -> a,
                (one, same) -> one));
        em.createQuery("SELECT a.number, a.balance, SUM(p.amount) FROM Account a LEFT JOIN PendingCredit p "
                        + "ON p.accountNumber = a.number WHERE a.number IN :numbers GROUP BY a.number, a.balance",
                        Object[].class)
                .setParameter("numbers", List.copyOf(byNumber.keySet())).getResultList()
                .forEach(row -> byNumber.get((String) row[0]).balanceRead(row[2] == null ? (BigDecimal) row[1]
                        : ((BigDecimal) row[1]).add((BigDecimal) row[2])));
    }

    /**
     * Locks the account and folds its pending credits into its balance, written at once (a hot
     * account or one that was hot when they were credited); returns how many there were.
     */
    public int foldPendingCredits(AccountNumber number) {
        int folded = foldPendingCredits(lockedRow(number));
        writeBalances();
        return folded;
    }

    /**
     * Folds the account's pending credits into its balance; the account must be locked. They are
     * deleted and added up in one statement. Returns how many there were.
     */
    private int foldPendingCredits(Account locked) {
        Object[] folded = jdbc.query(database.selectDeleted("COUNT(*), COALESCE(SUM(amount), 0)",
                        "DELETE FROM pending_credit WHERE account_number = ?"),
                row -> new Object[] {row.getInt(1), row.getBigDecimal(2)}, locked.number().value()).get(0);
        int count = (Integer) folded[0];
        if (count > 0) {
            locked.fold(Money.of((BigDecimal) folded[1], locked.currency()));
        }
        return count;
    }

    /** The holds and freezes ever placed on the account and not released (expired ones included). */
    public List<Restriction> unreleasedRestrictionsOf(AccountNumber number) {
        return unreleasedRestrictionsOf(List.of(number.value())).getOrDefault(number.value(), List.of());
    }

    /** The unreleased holds and freezes of each of the accounts that has any, oldest first, read by one query. */
    public Map<String, List<Restriction>> unreleasedRestrictionsOf(Collection<String> numbers) {
        return em.createQuery("SELECT r FROM Restriction r WHERE r.accountNumber IN :numbers AND r.releasedAt IS NULL "
                        + "ORDER BY r.id", Restriction.class)
                .setParameter("numbers", List.copyOf(numbers)).getResultStream()
                .collect(Collectors.groupingBy(r -> r.accountNumber().value(), LinkedHashMap::new, Collectors.toList()));
    }

    /** Stores the new account now (flushed: rows that refer to it may follow by plain JDBC). */
    public void add(Account account) {
        em.persist(account);
        em.flush();
    }

    /** The next serial for account numbers (a database sequence, never reused). */
    public long nextSerial() {
        return database.nextValue("account_serial_seq");
    }
}
