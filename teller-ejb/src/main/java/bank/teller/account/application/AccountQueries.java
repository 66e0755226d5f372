package bank.teller.account.application;

import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.account.domain.AccountStatus;
import bank.teller.account.domain.CardNumber;
import bank.teller.account.domain.Restriction;
import bank.teller.account.domain.RestrictionKind;
import bank.teller.customer.domain.Customer;
import bank.teller.fee.application.FeeQuote;
import bank.teller.fee.application.Fees;
import bank.teller.ledger.domain.JournalLine;
import bank.teller.platform.Branches;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Account inquiry (查询): the account with its holder, and its postings, newest first. */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.CHANNEL, Roles.TERMINAL, Roles.AUDITOR})
// Reads need no transaction; and a refusal (unknown account) must not doom the caller's one,
// such as a channel listener's that still has to send its answer.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccountQueries {

    public static final int MAX_PAGE_SIZE = 200;

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private Accounts accounts;
    @Inject
    private BusinessCalendar calendar;
    @EJB
    private Fees fees;
    @Inject
    private Branches branches;
    @Inject
    private CurrentUser currentUser;

    public AccountView account(String accountNumber) {
        return viewOf(require(accountNumber));
    }

    /** The account a number or card stands for, if the caller may see it ({@link Branches#visibleFrom}). */
    private Account require(String accountOrCard) {
        AccountNumber number = accounts.resolve(accountOrCard);
        requireVisible(number.value());
        return accounts.require(number);
    }

    /** Training's accounts are not found outside training, nor the bank's in it. */
    private void requireVisible(String number) {
        if (!branches.visibleFrom(currentUser.caller().branchCode(), branches.trainingAccount(number))) {
            throw new TellerException(ErrorCode.ACCOUNT_NOT_FOUND, number);
        }
    }

    /** The account one of the bank's cards stands for (CARD_NUMBER_INVALID for any other number). */
    public AccountView accountOfCard(String cardNumber) {
        CardNumber card = new CardNumber(cardNumber);
        if (!accounts.cardProduct().isCardNumber(card.value())) {
            throw new TellerException(ErrorCode.CARD_NUMBER_INVALID, card.masked());
        }
        return viewOf(require(card.value()));
    }

    private AccountView viewOf(Account account) {
        accounts.readBalances(List.of(account));
        return view(account, em.find(Customer.class, account.customerId()),
                accounts.unreleasedRestrictionsOf(account.number()), calendar.today());
    }

    /**
     * Up to {@link #MAX_PAGE_SIZE} accounts' balances, in the order asked, read by one SQL statement:
     * one consistent snapshot, all before or all after any posting, so their sum moves only by what
     * enters or leaves these accounts (a transfer between two of them never shows half done).
     */
    public List<BalanceView> balances(List<String> accountNumbers) {
        return inOrder(accountNumbers).stream()
                .map(a -> new BalanceView(a.number().value(), a.currency(), a.balance().toPlainString(), a.status().name()))
                .toList();
    }

    /**
     * Up to {@link #MAX_PAGE_SIZE} accounts with their holders, in the order asked, read by four
     * queries whatever their number (the accounts, their balances, their holders, their restrictions).
     */
    public List<AccountView> accounts(List<String> accountNumbers) {
        List<Account> read = inOrder(accountNumbers);
        Map<Long, Customer> holders = em.createQuery("SELECT c FROM Customer c WHERE c.id IN :ids", Customer.class)
                .setParameter("ids", read.stream().map(Account::customerId).distinct().toList()).getResultStream()
                .collect(Collectors.toMap(Customer::id, c -> c));
        Map<String, List<Restriction>> restrictions = accounts.unreleasedRestrictionsOf(
                read.stream().map(a -> a.number().value()).toList());
        LocalDate today = calendar.today();
        return read.stream().map(a -> view(a, holders.get(a.customerId()),
                restrictions.getOrDefault(a.number().value(), List.of()), today)).toList();
    }

    /** The accounts of 1 to {@link #MAX_PAGE_SIZE} numbers, in the order asked, with their balances. */
    private List<Account> inOrder(List<String> accountNumbers) {
        if (accountNumbers == null || accountNumbers.isEmpty() || accountNumbers.size() > MAX_PAGE_SIZE) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "numbers",
                    "1 to " + MAX_PAGE_SIZE + " account numbers, not " + (accountNumbers == null ? 0 : accountNumbers.size()));
        }
        List<String> numbers = accountNumbers.stream().map(n -> new AccountNumber(n).value()).distinct().toList();
        numbers.forEach(this::requireVisible);
        Map<String, Account> found = em.createQuery("SELECT a FROM Account a WHERE a.number IN :numbers", Account.class)
                .setParameter("numbers", numbers).getResultStream()
                .collect(Collectors.toMap(a -> a.number().value(), a -> a));
        accounts.readBalances(found.values());
        return numbers.stream().map(n -> Optional.ofNullable(found.get(n))
                .orElseThrow(() -> new TellerException(ErrorCode.ACCOUNT_NOT_FOUND, n))).toList();
    }

    /** Transactions with a fee schedule entry that a teller can quote. */
    public static final List<String> QUOTABLE = List.of(CashDeposits.OPERATION, CashWithdrawals.OPERATION,
            Transfers.OPERATION);

    /** What the account's holder would pay for {@code transactionType} of {@code amount}, shown before confirming. */
    public FeeQuote feeQuote(String accountNumber, String transactionType, String amount) {
        if (transactionType == null || !QUOTABLE.contains(transactionType)) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "transactionType", String.valueOf(transactionType));
        }
        Account account = require(accountNumber);
        return fees.quote(transactionType, AccountMovements.payerOf(account),
                Money.parse(amount, account.currency()).requirePositive());
    }

    /** The customer's accounts, closed ones included, oldest first. */
    public List<AccountView> accountsOf(long customerId) {
        Customer holder = em.find(Customer.class, customerId);
        if (holder == null || !branches.visibleFrom(currentUser.caller().branchCode(), holder.training())) {
            throw new TellerException(ErrorCode.CUSTOMER_NOT_FOUND, customerId);
        }
        LocalDate today = calendar.today();
        List<Account> held = em.createQuery("SELECT a FROM Account a WHERE a.customerId = :id "
                + "ORDER BY a.openedOn, a.number", Account.class).setParameter("id", customerId).getResultList();
        accounts.readBalances(held);
        return held.stream().map(a -> view(a, holder, accounts.unreleasedRestrictionsOf(a.number()), today)).toList();
    }

    /**
     * The account's postings, newest first, a page at a time; {@code from} and {@code to} (business
     * dates, inclusive) narrow them when given.
     */
    public List<AccountTransaction> transactions(String accountNumber, LocalDate from, LocalDate to, int page, int size) {
        int pageSize = AccountTransaction.pageSize(size);
        return linesOf(accountNumber, from, to, "SELECT l FROM JournalLine l JOIN FETCH l.entry e", " ORDER BY e.id DESC, l.lineNo",
                JournalLine.class)
                .setFirstResult(Math.max(0, page) * pageSize)
                .setMaxResults(pageSize)
                .getResultList().stream().map(AccountQueries::transaction).toList();
    }

    public long transactionCount(String accountNumber, LocalDate from, LocalDate to) {
        return linesOf(accountNumber, from, to, "SELECT COUNT(l) FROM JournalLine l JOIN l.entry e", "", Long.class)
                .getSingleResult();
    }

    private <T> TypedQuery<T> linesOf(String accountNumber, LocalDate from, LocalDate to, String select, String order,
                                      Class<T> type) {
        AccountNumber number = require(accountNumber).number();
        if (from != null && to != null && from.isAfter(to)) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "from", from + " > " + to);
        }
        TypedQuery<T> query = em.createQuery(select + " WHERE l.accountNumber = :number"
                + (from == null ? "" : " AND e.businessDate >= :from")
                + (to == null ? "" : " AND e.businessDate <= :to") + order, type)
                .setParameter("number", number.value());
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return query;
    }

    /**
     * The account as callers see it, given its unreleased holds and freezes: the available balance
     * after those in force today, and the status FROZEN (司法冻结) while a judicial freeze is in force.
     */
    static AccountView view(Account account, Customer holder, List<Restriction> restrictions, LocalDate today) {
        boolean frozen = account.status() == AccountStatus.ACTIVE && restrictions.stream()
                .anyMatch(r -> r.activeOn(today) && r.kind() != RestrictionKind.HOLD);
        return new AccountView(account.number().value(), holder.id(), holder.name(), holder.type().name(),
                holder.maskedIdNumber(), account.type().name(), account.product(),
                frozen ? AccountStatus.FROZEN.name() : account.status().name(), account.currency(),
                account.balance().toPlainString(), account.availableBalance(restrictions, today).toPlainString(),
                account.branchCode(),
                account.openedOn(), account.expiresOn(),
                account.boundAccount() == null ? null : account.boundAccount().value());
    }

    static AccountTransaction transaction(JournalLine line) {
        var entry = line.entry();
        return new AccountTransaction(entry.id(), entry.businessDate(), entry.postedAt(), entry.type(),
                line.side().name(), line.amount().toPlainString(), line.amount().currency(),
                line.balanceAfter() == null ? null : line.balanceAfter().toPlainString(), entry.teller());
    }
}
