package bank.teller.terminal;

import bank.teller.account.domain.Card;
import bank.teller.account.domain.CardNumber;
import bank.teller.account.domain.CardStatus;
import bank.teller.platform.Jdbc;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import org.mindrot.jbcrypt.BCrypt;

/**
 * A card and its PIN at a terminal: the PIN checked against its hash (never kept in clear), the card
 * row locked so two terminals count one card's tries in turn. Wrong PINs are counted per card and
 * business day in a transaction of their own (kept although the request is refused); the third
 * locks the card until the next business day, and a right PIN clears the count.
 */
@Stateless
@RolesAllowed(Roles.TERMINAL)
public class CardPins {

    public static final int TRIES = 3;

    /** What the check found: the card's account when the PIN was right, else the tries left (0: locked). */
    public record Check(String pan, String accountNumber, boolean right, int triesLeft) {
    }

    @PersistenceContext(unitName = "teller")
    private EntityManager em;
    @Inject
    private Jdbc jdbc;
    @Inject
    private BusinessCalendar calendar;

    /** Refused (rolled back, nothing counted) only for a card that is no card or not in use. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Check check(String cardNumber, String pinDigits) {
        CardNumber pan = new CardNumber(cardNumber);
        Card card = em.find(Card.class, pan.value(), LockModeType.PESSIMISTIC_WRITE);
        if (card == null) {
            throw new TellerException(ErrorCode.CARD_NOT_FOUND, pan.masked());
        }
        if (card.status() != CardStatus.ACTIVE) {
            throw new TellerException(ErrorCode.CARD_NOT_USABLE, pan.masked(), card.status());
        }
        LocalDate today = calendar.today();
        List<Integer> counted = jdbc.query("SELECT failures FROM card_pin_try WHERE pan = ? AND business_date = ?",
                row -> row.getInt(1), pan.value(), today);
        int failures = counted.isEmpty() ? 0 : counted.get(0);
        if (failures >= TRIES) {
            return new Check(pan.value(), null, false, 0);
        }
        // any six digits are tried (one the PIN rules would never have set is just wrong)
        boolean right = pinDigits != null && pinDigits.matches("[0-9]{6}") && BCrypt.checkpw(pinDigits, card.pinHash());
        if (right) {
            jdbc.update("DELETE FROM card_pin_try WHERE pan = ? AND business_date = ?", pan.value(), today);
            return new Check(pan.value(), card.accountNumber().value(), true, TRIES);
        }
        if (counted.isEmpty()) {
            jdbc.update("INSERT INTO card_pin_try (pan, business_date, failures) VALUES (?, ?, 1)", pan.value(), today);
        } else {
            jdbc.update("UPDATE card_pin_try SET failures = failures + 1 WHERE pan = ? AND business_date = ?",
                    pan.value(), today);
        }
        return new Check(pan.value(), null, false, TRIES - failures - 1);
    }
}
