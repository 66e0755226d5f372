package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import bank.teller.account.application.AccountQueries;
import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.Transfers;
import bank.teller.fee.application.FeeQuote;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fee schedule's waivers (issue 17): a company's general account transfers three times a month
 * free (shown so before confirming), the fourth pays the schedule's tier.
 */
@ExtendWith(ArquillianExtension.class)
class FeesIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("fees-it", FeesIT.class, Https.class, Tokens.class);
    }

    @Inject
    AsUser asUser;

    @Test
    void theFirstThreeTransfersOfAMonthFromAGeneralAccountAreFreeAndTheFourthPays() throws Exception {
        String general = Counter.open(asUser, Counter.company(asUser, "免费转账公司"), "CORPORATE_GENERAL", null);
        String payee = Counter.classOneAccount(asUser, "免费转账收款人");
        asUser.teller(() -> Lookup.ejb("teller-ejb", CashDeposits.class).deposit(general, "10000.00", "CNY",
                TestData.requestId("dep")));
        AccountQueries queries = Lookup.ejb("teller-ejb", AccountQueries.class);
        Transfers transfers = Lookup.ejb("teller-ejb", Transfers.class);
        for (int i = 1; i <= 3; i++) {
            FeeQuote quote = asUser.teller(() -> queries.feeQuote(general, "TRANSFER", "2000.00"));
            assertEquals("0.00", quote.fee(), "transfer " + i);
            assertEquals("一般存款账户每月前 3 笔转账免费", quote.descriptionZh(), "the teller sees why");
            assertNull(quote.ruleId());
            assertEquals("0.00", asUser.teller(() -> transfers.transfer(general, payee, "100.00", "CNY",
                    TestData.requestId("tr"))).fee());
        }
        assertEquals("5.00", asUser.teller(() -> queries.feeQuote(general, "TRANSFER", "2000.00")).fee(),
                "the fourth of the month: the corporate tier again");
        assertEquals("5.00", asUser.teller(() -> transfers.transfer(general, payee, "100.00", "CNY",
                TestData.requestId("tr"))).fee());
        assertEquals(new BigDecimal("9595.00"), Sql.scalar("SELECT balance FROM account WHERE account_number = ?", general));
    }
}
