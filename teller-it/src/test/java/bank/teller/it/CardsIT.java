package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.AccountQueries;
import bank.teller.account.application.CardView;
import bank.teller.account.application.Cards;
import bank.teller.account.application.CashDeposits;
import bank.teller.customer.application.CustomerView;
import bank.teller.customer.application.Customers;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Debit cards: issue, PIN activation, use instead of the account number, loss, replacement with its fee, cancellation. */
@ExtendWith(ArquillianExtension.class)
class CardsIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("cards-it", CardsIT.class);
    }

    @Inject
    AsUser asUser;

    private Cards cards;
    private CashDeposits deposits;
    private AccountQueries queries;

    @BeforeEach
    void lookUpServices() {
        cards = Lookup.ejb("teller-ejb", Cards.class);
        deposits = Lookup.ejb("teller-ejb", CashDeposits.class);
        queries = Lookup.ejb("teller-ejb", AccountQueries.class);
    }

    private ErrorCode refusal(AsUser.Work<?> work) {
        return assertThrows(TellerException.class, () -> asUser.teller(work)).code();
    }

    @Test
    void aCardStandsForItsAccountOnlyOnceTheCustomerHasSetThePinAndUntilItIsReportedLost() throws Exception {
        CustomerView customer = Counter.individual(asUser, "持卡人");
        String account = Counter.open(asUser, customer, "INDIVIDUAL_I", null);
        String key = TestData.requestId("issue");
        CardView issued = asUser.teller(() -> cards.issue(account, key));
        String pan = issued.pan();
        assertTrue(pan.matches("623456\\d{13}"), pan);
        assertEquals("ISSUED", issued.status());
        assertEquals(issued, asUser.teller(() -> cards.issue(account, key)), "a replay issues nothing more");
        assertEquals(ErrorCode.CARD_ALREADY_ISSUED, refusal(() -> cards.issue(account, TestData.requestId("issue"))));
        assertEquals(ErrorCode.CARD_NOT_USABLE, refusal(() -> deposits.deposit(pan, "10.00", "CNY", TestData.requestId("d"))),
                "no PIN yet");

        assertEquals(ErrorCode.PIN_INVALID, refusal(() -> cards.activate(pan, "123456", TestData.requestId("pin"))));
        assertEquals("ACTIVE", asUser.teller(() -> cards.activate(pan, "802413", TestData.requestId("pin"))).status());
        String hash = Sql.string("SELECT pin_hash FROM card WHERE pan = ?", pan);
        assertTrue(hash.startsWith("$2a$") && !hash.contains("802413"), "only a salted hash is kept");

        assertEquals("100.00", asUser.teller(() -> deposits.deposit(pan, "100.00", "CNY", TestData.requestId("d")))
                .balanceAfter());
        assertEquals(account, asUser.teller(() -> queries.account(pan)).accountNumber());
        assertEquals(customer.id(), asUser.teller(() -> Lookup.ejb("teller-ejb", Customers.class).search(pan)).get(0).id());
        assertNull(asUser.teller(() -> cards.cards(account)).get(0).pan(), "lists show cards masked");

        asUser.teller(() -> cards.reportLost(pan, TestData.requestId("lost")));
        assertEquals(ErrorCode.CARD_NOT_USABLE, refusal(() -> deposits.deposit(pan, "1.00", "CNY", TestData.requestId("d"))));
        asUser.teller(() -> deposits.deposit(account, "1.00", "CNY", TestData.requestId("d")));

        CardView replacement = asUser.teller(() -> cards.replace(pan, TestData.requestId("replace")));
        assertNotEquals(pan, replacement.pan());
        assertEquals("ISSUED", replacement.status());
        assertEquals("91.00", asUser.teller(() -> queries.account(account)).balance(), "the 10.00 replacement fee");
        assertEquals(new BigDecimal("10.00"), Sql.scalar("SELECT l.amount FROM journal_line l JOIN journal_entry e "
                + "ON e.id = l.entry_id WHERE e.entry_type = 'CARD_REPLACEMENT' AND l.account_number = ?", account));
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM voucher v JOIN journal_entry e ON e.id = v.entry_id "
                + "WHERE e.entry_type = 'CARD_REPLACEMENT' AND v.account_number = ?", account));
        assertEquals("BLOCKED", Sql.string("SELECT status FROM card WHERE pan = ?", pan));
        assertEquals(ErrorCode.CARD_STATE_INVALID, refusal(() -> cards.reportLost(pan, TestData.requestId("lost"))));

        asUser.teller(() -> cards.cancel(replacement.pan(), TestData.requestId("cancel")));
        assertEquals(ErrorCode.CARD_NOT_USABLE, refusal(() -> queries.account(replacement.pan())));
        assertEquals(ErrorCode.CARD_NOT_FOUND, refusal(() -> queries.account(
                withLuhnDigit("623456999999999999"))));
    }

    @Test
    void onlyIndividualClassOneAndTwoAccountsGetCards() throws Exception {
        CustomerView person = Counter.individual(asUser, "三类户");
        String classThree = Counter.open(asUser, person, "INDIVIDUAL_III", null);
        assertEquals(ErrorCode.CARD_NOT_ALLOWED, refusal(() -> cards.issue(classThree, TestData.requestId("issue"))));
        String basic = Counter.open(asUser, Counter.company(asUser, "无卡公司"), "CORPORATE_BASIC", null);
        assertEquals(ErrorCode.CARD_NOT_ALLOWED, refusal(() -> cards.issue(basic, TestData.requestId("issue"))));
        assertFalse(asUser.teller(() -> cards.issue(Counter.open(asUser, person, "INDIVIDUAL_II", null),
                TestData.requestId("issue"))).pan().isEmpty());
    }

    private static String withLuhnDigit(String body) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            int d = body.charAt(i) - '0';
            if (doubleIt) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return body + (char) ('0' + (10 - sum % 10) % 10);
    }
}
