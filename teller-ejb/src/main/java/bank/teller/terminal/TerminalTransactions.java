package bank.teller.terminal;

import bank.teller.account.application.AccountQueries;
import bank.teller.account.application.AccountTransaction;
import bank.teller.account.application.AccountView;
import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.CashWithdrawals;
import bank.teller.account.application.Receipt;
import bank.teller.account.application.Reversals;
import bank.teller.account.application.Transfers;
import bank.teller.account.domain.Card;
import bank.teller.account.domain.CardNumber;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.platform.Jdbc;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a customer does at a self-service terminal, with their card and PIN ({@link CardPins}: three
 * wrong PINs lock the card for the day): balance, cash deposit, cash withdrawal (at most
 * {@code teller.terminal.daily-withdrawal-limit}, 20,000.00, a card a day at terminals), transfer and the
 * last postings (a statement slip). Every posting is the terminal's own (its system user, its cash box
 * the till), once per the terminal's request id: a terminal that lost the answer asks again with the
 * same id and gets the first one. A withdrawal the terminal reports it did not dispense is reversed at
 * once ({@link Reversals#reverseNotDispensed}), once however often it reports it.
 */
@Stateless
@RolesAllowed(Roles.TERMINAL)
public class TerminalTransactions {

    public static final Money DAILY_LIMIT = Money.cny(System.getProperty("teller.terminal.daily-withdrawal-limit",
            "20000.00"));
    public static final int STATEMENT_LINES = 10;

    /** The slip of a statement: the account's balance and its latest postings, newest first. */
    public record Statement(AccountView account, List<AccountTransaction> transactions) {
    }

    @PersistenceContext(unitName = "teller")
    private EntityManager em;
    @EJB
    private CardPins pins;
    @EJB
    private AccountQueries queries;
    @EJB
    private CashDeposits deposits;
    @EJB
    private CashWithdrawals withdrawals;
    @EJB
    private Transfers transfers;
    @EJB
    private Reversals reversals;
    @EJB
    private AuditTrail audit;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private BusinessCalendar calendar;
    @Inject
    private Jdbc jdbc;

    public AccountView balance(String cardNumber, String pin) {
        return queries.account(accountOf(cardNumber, pin));
    }

    public Statement statement(String cardNumber, String pin) {
        String account = accountOf(cardNumber, pin);
        return new Statement(queries.account(account), queries.transactions(account, null, null, 0, STATEMENT_LINES));
    }

    public Receipt deposit(String cardNumber, String pin, String amount, String requestId) {
        return deposits.deposit(accountOf(cardNumber, pin), amount, Money.CNY, requestId);
    }

    public Receipt transfer(String cardNumber, String pin, String payeeAccount, String amount, String requestId) {
        return transfers.transfer(accountOf(cardNumber, pin), payeeAccount, amount, Money.CNY, requestId);
    }

    /**
     * Pays out cash from the terminal's box. The card's row is locked while its day's withdrawals are
     * summed and this one recorded, so two terminals cannot both spend the card's last allowance.
     */
    public Receipt withdraw(String cardNumber, String pin, String amountText, String requestId) {
        String account = accountOf(cardNumber, pin);
        Money amount = Money.parse(amountText, Money.CNY).requirePositive();
        CardNumber pan = new CardNumber(cardNumber);
        em.find(Card.class, pan.value(), LockModeType.PESSIMISTIC_WRITE);
        String terminal = terminalId();
        LocalDate today = calendar.today();
        boolean recorded = !jdbc.query("SELECT 1 FROM terminal_withdrawal WHERE terminal_id = ? AND request_id = ?",
                row -> 1, terminal, requestId).isEmpty();
        if (!recorded) {
            BigDecimal taken = jdbc.query("SELECT COALESCE(SUM(amount), 0) FROM terminal_withdrawal WHERE pan = ? "
                    + "AND business_date = ? AND status = 'DISPENSED'", row -> row.getBigDecimal(1), pan.value(), today).get(0);
            BigDecimal left = DAILY_LIMIT.amount().subtract(taken);
            if (amount.amount().compareTo(left) > 0) {
                throw new TellerException(ErrorCode.TERMINAL_DAILY_LIMIT, pan.masked(), DAILY_LIMIT.toPlainString(),
                        Money.of(left.max(BigDecimal.ZERO), Money.CNY).toPlainString());
            }
        }
        Receipt paid = withdrawals.withdraw(account, amount.toPlainString(), Money.CNY, requestId);
        if (!recorded) {
            jdbc.update("INSERT INTO terminal_withdrawal (terminal_id, request_id, pan, business_date, amount, entry_id, "
                    + "status) VALUES (?, ?, ?, ?, ?, ?, 'DISPENSED')", terminal, requestId, pan.value(),
                    paid.businessDate(), new BigDecimal(paid.amount()), paid.entryId());
        }
        return paid;
    }

    /**
     * The terminal reports that it did not dispense the cash of its withdrawal {@code withdrawalRequestId}:
     * the withdrawal is reversed (the cash never left the box), and the card's allowance given back.
     */
    public Receipt notDispensed(String withdrawalRequestId) {
        String terminal = terminalId();
        List<Long> entry = jdbc.query("SELECT entry_id FROM terminal_withdrawal WHERE terminal_id = ? AND request_id = ?",
                row -> row.getLong(1), terminal, withdrawalRequestId);
        if (entry.isEmpty()) {
            throw new TellerException(ErrorCode.TERMINAL_WITHDRAWAL_NOT_FOUND, terminal, withdrawalRequestId);
        }
        Receipt reversal = reversals.reverseNotDispensed(entry.get(0), "not-dispensed-" + entry.get(0));
        if (jdbc.update("UPDATE terminal_withdrawal SET status = 'NOT_DISPENSED', reversal_entry_id = ? "
                + "WHERE terminal_id = ? AND request_id = ? AND status = 'DISPENSED'", reversal.entryId(), terminal,
                withdrawalRequestId) == 1) {
            audit.record("TERMINAL_NOT_DISPENSED", "terminal:" + terminal, "withdrawal " + withdrawalRequestId
                    + " (entry " + entry.get(0) + ") not dispensed: reversed by entry " + reversal.entryId(),
                    AuditEvent.SUCCESS);
        }
        return reversal;
    }

    /** The account of the card once its PIN is right; refused with the tries left, or locked. */
    private String accountOf(String cardNumber, String pin) {
        CardPins.Check check = pins.check(cardNumber, pin);
        if (check.right()) {
            return check.accountNumber();
        }
        String masked = new CardNumber(check.pan()).masked();
        if (check.triesLeft() == 0) {
            throw new TellerException(ErrorCode.CARD_PIN_LOCKED, masked, CardPins.TRIES);
        }
        throw new TellerException(ErrorCode.CARD_PIN_WRONG, masked, check.triesLeft());
    }

    private String terminalId() {
        return jdbc.query("SELECT terminal_id FROM terminal WHERE username = ?", row -> row.getString(1),
                currentUser.name()).get(0);
    }
}
