package bank.teller.platform;

import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.customer.domain.Customer;
import bank.teller.customer.domain.ResidentId;
import bank.teller.ledger.application.Ledger;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.ledger.domain.Side;
import bank.teller.security.AppUser;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.Money;
import bank.teller.shared.StoredTime;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Logger;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Demo branch, users and customers (with accounts and a morning's transactions) for a first run. Loaded on the embedded H2 database, and on PostgreSQL
 * only when asked with {@code -Dteller.demo-data=true}; never overwrites what exists. The
 * passwords are printed in the README; they are stored only as bcrypt hashes.
 */
@Stateless
@PermitAll
public class DemoData {

    public static final String PROPERTY = "teller.demo-data";
    public static final String BRANCH = "0001";
    public static final String TELLER = "teller1";
    public static final String TELLER_PASSWORD = "Teller1!Demo";
    public static final String SUPERVISOR = "super1";
    public static final String SUPERVISOR_PASSWORD = "Super1!Demo";
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @EJB
    private Database database;
    @EJB
    private Ledger ledger;
    @EJB
    private BusinessCalendar calendar;

    public void loadIfWanted() {
        String wanted = System.getProperty(PROPERTY, database.isH2() ? "true" : "false");
        if (!Boolean.parseBoolean(wanted)) {
            return;
        }
        if (em.createNativeQuery("SELECT code FROM branch WHERE code = ?1").setParameter(1, BRANCH)
                .getResultList().isEmpty()) {
            em.createNativeQuery("INSERT INTO branch (code, name_zh, name_en) VALUES (?1, ?2, ?3)")
                    .setParameter(1, BRANCH).setParameter(2, "示范银行总行营业部")
                    .setParameter(3, "Demo Bank Head Office Branch").executeUpdate();
        }
        addUser(TELLER, TELLER_PASSWORD, "柜员一 Teller One", Roles.TELLER);
        addUser(SUPERVISOR, SUPERVISOR_PASSWORD, "主管一 Supervisor One", Roles.SUPERVISOR);
        if (em.createQuery("SELECT COUNT(c) FROM Customer c", Long.class).getSingleResult() == 0) {
            addCustomersWithADayOfTransactions();
        }
    }

    /** Three customers with accounts and a morning's deposits, a withdrawal and a transfer. */
    private void addCustomersWithADayOfTransactions() {
        Instant now = StoredTime.now(Clock.systemUTC());
        LocalDate today = calendar.today();
        Account zhang = addCustomerAndAccount("张三", "11010519491231002X", today, now);
        Account li = addCustomerAndAccount("李四", "440304198503151231", today, now);
        Account wang = addCustomerAndAccount("王五", "31010119920708456X", today, now);
        deposit(zhang, "20000.00", 1, today, now);
        deposit(li, "5600.50", 2, today, now);
        deposit(wang, "888.88", 3, today, now);
        Money paidOut = Money.cny("1200.00");
        post("CASH_WITHDRAWAL", 4, today, now, List.of(
                PostingLine.customer(zhang.glCode(), zhang.number().value(), Side.DEBIT, paidOut,
                        zhang.debit(paidOut, List.of(), today)),
                PostingLine.gl(GlCodes.TILL_CASH, Side.CREDIT, paidOut)));
        Money moved = Money.cny("3000.00");
        post("TRANSFER", 5, today, now, List.of(
                PostingLine.customer(zhang.glCode(), zhang.number().value(), Side.DEBIT, moved,
                        zhang.debit(moved, List.of(), today)),
                PostingLine.customer(li.glCode(), li.number().value(), Side.CREDIT, moved, li.credit(moved))));
        LOG.info(() -> "demo customers created: accounts " + zhang.number() + ", " + li.number() + ", " + wang.number());
    }

    private Account addCustomerAndAccount(String name, String residentId, LocalDate today, Instant now) {
        Customer customer = new Customer(name, new ResidentId(residentId), now, TELLER);
        em.persist(customer);
        em.flush();
        Account account = new Account(AccountNumber.generate(BRANCH, "01", database.nextValue("account_serial_seq")),
                customer.id(), BRANCH, "01", GlCodes.INDIVIDUAL_DEMAND_DEPOSITS, Money.CNY, today);
        em.persist(account);
        return account;
    }

    private void deposit(Account account, String amount, int sequence, LocalDate today, Instant now) {
        Money money = Money.cny(amount);
        post("CASH_DEPOSIT", sequence, today, now, List.of(
                PostingLine.gl(GlCodes.TILL_CASH, Side.DEBIT, money),
                PostingLine.customer(account.glCode(), account.number().value(), Side.CREDIT, money,
                        account.credit(money))));
    }

    private void post(String type, int sequence, LocalDate today, Instant now, List<PostingLine> lines) {
        ledger.post(JournalEntry.balanced(type, today, BRANCH, TELLER, "demo-data-" + sequence, now, lines));
    }

    private void addUser(String username, String password, String displayName, String role) {
        if (em.find(AppUser.class, username) != null) {
            return;
        }
        em.persist(new AppUser(username, BCrypt.hashpw(password, BCrypt.gensalt(12)), displayName, BRANCH));
        em.flush();
        em.createNativeQuery("INSERT INTO app_user_role (username, role_name) VALUES (?1, ?2)")
                .setParameter(1, username).setParameter(2, role).executeUpdate();
        LOG.info(() -> "demo user " + username + " (" + role + ") created");
    }
}
