package bank.teller.account.application;

import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.account.domain.Card;
import bank.teller.account.domain.CardNumber;
import bank.teller.account.domain.CardProduct;
import bank.teller.account.domain.Restriction;
import bank.teller.platform.Database;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.annotation.security.PermitAll;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Repository of accounts. */
@Stateless
@PermitAll
public class Accounts {

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @EJB
    private Database database;
    @EJB
    private BusinessCalendar calendar;

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

    /** The account, row-locked until the end of the transaction (SELECT ... FOR UPDATE). */
    public Account lockForPosting(AccountNumber number) {
        Account account = em.find(Account.class, number.value(), LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new TellerException(ErrorCode.ACCOUNT_NOT_FOUND, number.value());
        }
        return account;
    }

    /**
     * Several accounts, each row-locked until the end of the transaction, always in ascending
     * account-number order: every use case that locks more than one account goes through here, so
     * no two transactions can wait for each other.
     */
    public Map<AccountNumber, Account> lockAllForPosting(AccountNumber... numbers) {
        Map<AccountNumber, Account> locked = new LinkedHashMap<>();
        Arrays.stream(numbers).distinct().sorted(Comparator.comparing(AccountNumber::value))
                .forEach(number -> locked.put(number, lockForPosting(number)));
        return locked;
    }

    /** The holds and freezes ever placed on the account and not released (expired ones included). */
    public List<Restriction> unreleasedRestrictionsOf(AccountNumber number) {
        return em.createQuery("SELECT r FROM Restriction r WHERE r.accountNumber = :number AND r.releasedAt IS NULL "
                        + "ORDER BY r.id", Restriction.class)
                .setParameter("number", number.value()).getResultList();
    }

    public void add(Account account) {
        em.persist(account);
    }

    /** The next serial for account numbers (a database sequence, never reused). */
    public long nextSerial() {
        return database.nextValue("account_serial_seq");
    }
}
