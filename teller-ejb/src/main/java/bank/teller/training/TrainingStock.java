package bank.teller.training;

import bank.teller.ledger.application.Ledger;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.ledger.domain.Side;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.Money;
import bank.teller.till.domain.BlankVoucher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * What a training branch starts with, in its caller's transaction: cash in the vault (delivered through
 * clearing, as in training only) and blank deposit certificates in the vault, so trainees can take cash
 * into their tills and issue certificates from the first day.
 */
@ApplicationScoped
public class TrainingStock {

    /** The vault's cash. */
    public static final Money VAULT_CASH = Money.cny("1000000.00");
    /** Blank deposit certificates 00000001 to this. */
    public static final int CERTIFICATES = 50;

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private Ledger ledger;
    @Inject
    private BusinessCalendar calendar;

    /** Stocks {@code branch} (a training branch, empty) by {@code by}; answers what, for the audit trail. */
    public String stock(String branch, String by, Instant now) {
        ledger.post(JournalEntry.balanced("VAULT_STOCK", calendar.today(), branch, by,
                "training-stock-" + branch + "-" + now.toEpochMilli(), now, List.of(
                        PostingLine.gl(GlCodes.VAULT_CASH, Side.DEBIT, VAULT_CASH),
                        PostingLine.gl(GlCodes.CLEARING, Side.CREDIT, VAULT_CASH))));
        for (int serial = 1; serial <= CERTIFICATES; serial++) {
            em.persist(new BlankVoucher(new BlankVoucher.Key(branch, "CERTIFICATE", String.format("%08d", serial)),
                    by, now));
        }
        em.flush();
        return "vault cash " + VAULT_CASH.toPlainString() + ", blank certificates 00000001-"
                + String.format("%08d", CERTIFICATES);
    }
}
