package bank.teller.web.ui;

import bank.teller.account.application.CardView;
import bank.teller.account.application.Cards;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The cards section of the account screen: issue a card, let the customer set the PIN, report it
 * lost, replace or cancel it. Full card numbers stay in this server-side bean; the page shows them
 * masked, except the new number right after an issue or replacement (to check against the card).
 */
@Named
@ViewScoped
public class CardsPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Cards cards;
    @Inject
    private AccountPage accountPage;

    private List<CardView> list;
    private String newCardNumber;
    private String pin;
    private String pinRepeat;
    private String requestId = Screens.newRequestId();

    public List<CardView> getCards() {
        if (list == null) {
            list = accountPage.getAccount() == null ? List.of() : cards.cardsForCounter(accountPage.getAccount().accountNumber());
        }
        return list;
    }

    public void issue() {
        shownOnce(Screens.attempt(null, () -> cards.issue(accountPage.getAccount().accountNumber(), requestId)));
    }

    public void replace(CardView card) {
        shownOnce(Screens.attempt(null, () -> cards.replace(card.pan(), requestId)));
    }

    public void activate(CardView card) {
        if (pin == null || !pin.equals(pinRepeat)) {
            Screens.error(null, Screens.text("card.pin.mismatch"));
            return;
        }
        done(Screens.attempt(null, () -> cards.activate(card.pan(), pin, requestId)));
    }

    public void reportLost(CardView card) {
        done(Screens.attempt(null, () -> cards.reportLost(card.pan(), requestId)));
    }

    public void cancel(CardView card) {
        done(Screens.attempt(null, () -> cards.cancel(card.pan(), requestId)));
    }

    private void shownOnce(CardView issued) {
        if (issued != null) {
            newCardNumber = issued.pan();
        }
        done(issued);
    }

    private void done(CardView changed) {
        pin = null;
        pinRepeat = null;
        if (changed != null) {
            requestId = Screens.newRequestId();
            list = null;
        }
    }

    /** Whether a new card can be issued: none in use (issued, active or lost) on the account. */
    public boolean canIssue() {
        return getCards().stream().noneMatch(c -> List.of("ISSUED", "ACTIVE", "LOST").contains(c.status()));
    }

    public String getNewCardNumber() {
        return newCardNumber;
    }

    public String getPin() {
        return pin;
    }

    public void setPin(String pin) {
        this.pin = pin;
    }

    public String getPinRepeat() {
        return pinRepeat;
    }

    public void setPinRepeat(String pinRepeat) {
        this.pinRepeat = pinRepeat;
    }
}
