package bank.teller.account.application;

import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.account.domain.AccountStatus;
import bank.teller.account.domain.Card;
import bank.teller.account.domain.CardNumber;
import bank.teller.account.domain.CardStatus;
import bank.teller.account.domain.Pin;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.RequestIds;
import bank.teller.shared.TellerException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Debit cards (借记卡): issued on an individual's class I or II account (one card in use per
 * account), activated when the customer sets the PIN (kept only as a bcrypt hash), reported lost,
 * replaced (new number, the old one blocked for good, the replacement fee from the schedule) and
 * cancelled. Every change is idempotent on its request id.
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR})
public class Cards {

    public static final String ISSUE = "CARD_ISSUE";
    public static final String ACTIVATION = "CARD_ACTIVATION";
    public static final String LOSS_REPORT = "CARD_LOSS_REPORT";
    public static final String REPLACEMENT = "CARD_REPLACEMENT";
    public static final String CANCELLATION = "CARD_CANCELLATION";
    private static final int PIN_HASH_COST = 10;

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private Accounts accounts;
    @Inject
    private AccountMovements movements;
    @Inject
    private AccountPostings postings;
    @EJB
    private Vouchers vouchers;
    @EJB
    private RequestIds requestIds;
    @EJB
    private AuditTrail audit;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private BusinessCalendar calendar;

    /** Issues a card on the account; the result shows the full card number, once. */
    public CardView issue(String accountNumber, String requestId) {
        AccountNumber number = new AccountNumber(accountNumber);
        return requestIds.once(requestId, ISSUE, number.value(), pan -> CardView.of(require(pan), true), now -> {
            Account account = accounts.lockForPosting(number);
            if (account.status() != AccountStatus.ACTIVE || !account.type().takesCards()) {
                throw new TellerException(ErrorCode.CARD_NOT_ALLOWED, number.value(), account.type());
            }
            cardsOf(number).stream().filter(c -> c.status() == CardStatus.ISSUED || c.status() == CardStatus.ACTIVE
                    || c.status() == CardStatus.LOST).findFirst().ifPresent(c -> {
                        throw new TellerException(ErrorCode.CARD_ALREADY_ISSUED, number.value(), c.number().masked());
                    });
            Card card = newCard(number, now);
            audit.record(ISSUE, number.value(), "card " + card.number().masked(), AuditEvent.SUCCESS);
            return CardView.of(card, true);
        }, CardView::pan);
    }

    /** The customer sets the PIN; the card becomes usable. */
    public CardView activate(String cardNumber, String pinDigits, String requestId) {
        Pin pin = new Pin(pinDigits);
        return change(ACTIVATION, cardNumber, requestId,
                (card, now) -> card.activate(BCrypt.hashpw(pin.digits(), BCrypt.gensalt(PIN_HASH_COST)),
                        currentUser.get().username(), now));
    }

    /** 挂失: from now on the card does not stand for its account. At the counter, or by the customer online. */
    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.CHANNEL})
    public CardView reportLost(String cardNumber, String requestId) {
        return change(LOSS_REPORT, cardNumber, requestId, (card, now) -> card.reportLost(currentUser.get().username(), now));
    }

    public CardView cancel(String cardNumber, String requestId) {
        return change(CANCELLATION, cardNumber, requestId, (card, now) -> card.cancel(currentUser.get().username(), now));
    }

    /**
     * 补卡: a new card on the same account, the old one blocked for good; the replacement fee (if
     * the schedule has one) is charged to the account with a voucher. Shows the new full number once.
     */
    public CardView replace(String cardNumber, String requestId) {
        CardNumber old = new CardNumber(cardNumber);
        return requestIds.once(requestId, REPLACEMENT, old.value(), pan -> CardView.of(require(pan), true), now -> {
            Card card = lock(old);
            Account account = accounts.lockForPosting(card.accountNumber());
            Card next = newCard(card.accountNumber(), now);
            card.replacedBy(next.number(), currentUser.get().username(), now);
            audit.record(REPLACEMENT, card.accountNumber().value(), "card " + card.number().masked() + " replaced by "
                    + next.number().masked(), AuditEvent.SUCCESS);
            Money fee = movements.fee(REPLACEMENT, account, Money.zero(account.currency()));
            List<PostingLine> lines = movements.chargeFee(account, fee, requestId);
            if (!lines.isEmpty()) {
                JournalEntry entry = postings.postAsCaller(REPLACEMENT, requestId, now, lines);
                vouchers.issue(entry, account.number().value(), null);
            }
            return CardView.of(next, true);
        }, CardView::pan);
    }

    /** The account's cards, newest first, masked. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<CardView> cards(String accountNumber) {
        return cardsOf(new AccountNumber(accountNumber)).stream().map(c -> CardView.of(c, false)).toList();
    }

    /**
     * The same with full numbers, for a counter screen that keeps them on the server to act on a
     * card and shows only the masked ones.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<CardView> cardsForCounter(String accountNumber) {
        return cardsOf(new AccountNumber(accountNumber)).stream().map(c -> CardView.of(c, true)).toList();
    }

    private CardView change(String operation, String cardNumber, String requestId, BiConsumer<Card, Instant> transition) {
        CardNumber pan = new CardNumber(cardNumber);
        return requestIds.once(requestId, operation, pan.value(), ref -> CardView.of(require(ref), false), now -> {
            Card card = lock(pan);
            transition.accept(card, now);
            audit.record(operation, card.accountNumber().value(), "card " + pan.masked(), AuditEvent.SUCCESS);
            return CardView.of(card, false);
        }, view -> pan.value());
    }

    private Card newCard(AccountNumber account, Instant now) {
        Card card = new Card(accounts.unusedCardNumber(), account, calendar.today(), currentUser.get().username(), now);
        em.persist(card);
        return card;
    }

    private List<Card> cardsOf(AccountNumber account) {
        return em.createQuery("SELECT c FROM Card c WHERE c.accountNumber = :account ORDER BY c.issuedAt DESC, c.pan DESC",
                Card.class).setParameter("account", account.value()).getResultList();
    }

    private Card lock(CardNumber pan) {
        Card card = em.find(Card.class, pan.value(), LockModeType.PESSIMISTIC_WRITE);
        if (card == null) {
            throw new TellerException(ErrorCode.CARD_NOT_FOUND, pan.masked());
        }
        return card;
    }

    private Card require(String pan) {
        Card card = em.find(Card.class, pan);
        if (card == null) {
            throw new TellerException(ErrorCode.CARD_NOT_FOUND, new CardNumber(pan).masked());
        }
        return card;
    }
}
