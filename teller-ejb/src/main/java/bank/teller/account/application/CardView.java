package bank.teller.account.application;

import bank.teller.account.domain.Card;
import java.time.LocalDate;

/**
 * A card as callers see it: masked, except right after it is issued (the full number is printed on
 * the card and shown once, at issue or replacement). The PIN is never part of it.
 */
public record CardView(String panMasked, String pan, String accountNumber, String status, LocalDate expiresOn,
                       String replacedByMasked) {

    static CardView of(Card card, boolean showFullNumber) {
        return new CardView(card.number().masked(), showFullNumber ? card.number().value() : null,
                card.accountNumber().value(), card.status().name(), card.expiresOn(),
                card.replacedByNumber() == null ? null : card.replacedByNumber().masked());
    }
}
