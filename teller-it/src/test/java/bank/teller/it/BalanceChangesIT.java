package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bank.teller.account.application.Accounts;
import bank.teller.account.domain.AccountNumber;
import bank.teller.shared.Money;
import jakarta.inject.Inject;
import jakarta.transaction.RollbackException;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The posting path reads the accounts it locks without JPA and writes their balances itself
 * (issue 14). A balance changed and never written must not be lost silently: the transaction does
 * not commit, and the balance and its version stay as they were. One written is stored, and the
 * version moves on, so a JPA writer holding the old version is refused.
 */
@ExtendWith(ArquillianExtension.class)
class BalanceChangesIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("balance-changes-it", BalanceChangesIT.class);
    }

    @Inject
    AsUser asUser;

    @Test
    void aBalanceChangedAndNeverWrittenRollsTheTransactionBack() throws Exception {
        String number = Counter.classOneAccount(asUser, "未写余额");
        Accounts accounts = Lookup.ejb("teller-ejb", Accounts.class);
        UserTransaction tx = Lookup.jndi("java:comp/UserTransaction");
        long version = Sql.count("SELECT version FROM account WHERE account_number = ?", number);

        tx.begin();
        accounts.lockForBalanceChange(new AccountNumber(number)).credit(Money.parse("100.00", Money.CNY));
        assertThrows(RollbackException.class, tx::commit);

        assertEquals(0, BigDecimal.ZERO.compareTo(Sql.scalar("SELECT balance FROM account WHERE account_number = ?",
                number)));
        assertEquals(version, Sql.count("SELECT version FROM account WHERE account_number = ?", number));

        tx.begin();
        accounts.lockForBalanceChange(new AccountNumber(number)).credit(Money.parse("100.00", Money.CNY));
        accounts.writeBalances();
        accounts.writeBalances(); // written once: nothing changed since
        tx.commit();

        assertEquals(0, new BigDecimal("100.00").compareTo(Sql.scalar(
                "SELECT balance FROM account WHERE account_number = ?", number)));
        assertEquals(version + 1, Sql.count("SELECT version FROM account WHERE account_number = ?", number));
        // no journal entry explains this balance: put it back, for the bank checker of other tests
        Sql.update("UPDATE account SET balance = 0 WHERE account_number = ?", number);
    }
}
