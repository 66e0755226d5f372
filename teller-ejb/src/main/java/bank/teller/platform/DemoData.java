package bank.teller.platform;

import bank.teller.account.application.Accounts;
import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.account.domain.AccountType;
import bank.teller.account.domain.Card;
import bank.teller.customer.domain.Customer;
import bank.teller.customer.domain.IdentityVerification;
import bank.teller.customer.domain.ResidentId;
import bank.teller.customer.domain.UnifiedSocialCreditCode;
import bank.teller.customer.domain.VerificationResult;
import bank.teller.ledger.application.Ledger;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.ledger.domain.Side;
import bank.teller.security.AppUser;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.payment.domain.BillList;
import bank.teller.payment.domain.CollectionAgreement;
import bank.teller.payment.domain.CollectionBill;
import bank.teller.shared.Money;
import bank.teller.shared.StoredTime;
import bank.teller.till.application.Tills;
import bank.teller.till.domain.BlankVoucher;
import bank.teller.till.domain.TillSession;
import bank.teller.till.domain.TillStatus;
import bank.teller.training.TrainingStock;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Demo branch, users and customers (individuals and companies, with accounts and a morning's
 * transactions) for a first run. Loaded on the embedded H2 database, and on PostgreSQL
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
    public static final String ADMIN = "admin1";
    public static final String ADMIN_PASSWORD = "Admin1!Demo";
    /**
     * The demo users' TOTP secrets (Base32), printed in the README so that a newcomer can make codes
     * with {@code oathtool --totp -b SECRET}. Real users enrol their own token at the first sign-in.
     */
    public static final String TELLER_TOTP = "ORSWY3DFOIYSAZDFNVXSA5DPNNSW4LRO";
    public static final String SUPERVISOR_TOTP = "ON2XAZLSGEQGIZLNN4QHI33LMVXC4LRO";
    public static final String ADMIN_TOTP = "MFSG22LOGEQGIZLNN4QHI33LMVXC4LRO";
    public static final String DEMO_AGREEMENT = "DEMOFEE";
    public static final String AUDITOR = "audit1";
    public static final String AUDITOR_PASSWORD = "Audit1!Demo";
    public static final String AUDITOR_TOTP = "MF2WI2LUGEQGIZLNN4QHI33LMVXC4LRO";
    /** The training branch (培训网点, created by the schema) and its demo trainee and trainer. */
    public static final String TRAINING_BRANCH = "9900";
    public static final String TRAINEE = "trainee1";
    public static final String TRAINEE_PASSWORD = "Trainee1!Demo";
    public static final String TRAINEE_TOTP = "ORZGC2LOMVSTCIDEMVWW6IDUN5VWK3RB";
    public static final String TRAINER = "trainer1";
    public static final String TRAINER_PASSWORD = "Trainer1!Demo";
    public static final String TRAINER_TOTP = "ORZGC2LOMVZDCIDEMVWW6IDUN5VWK3RB";
    /** The PIN of 张三's demo card (the README says so). */
    static final String DEMO_PIN = "802413";
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @EJB
    private Database database;
    @Inject
    private Accounts accounts;
    @Inject
    private Ledger ledger;
    @Inject
    private BusinessCalendar calendar;
    @EJB
    private Tills tills;
    @Inject
    private TrainingStock trainingStock;

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
        addUser(TELLER, TELLER_PASSWORD, TELLER_TOTP, "柜员一 Teller One", Roles.TELLER, "001");
        addUser(SUPERVISOR, SUPERVISOR_PASSWORD, SUPERVISOR_TOTP, "主管一 Supervisor One", Roles.SUPERVISOR, "901");
        addUser(ADMIN, ADMIN_PASSWORD, ADMIN_TOTP, "管理员 Administrator", Roles.ADMIN, null);
        addUser(AUDITOR, AUDITOR_PASSWORD, AUDITOR_TOTP, "审计员 Auditor", Roles.AUDITOR, null);
        addUser(TRAINEE, TRAINEE_PASSWORD, TRAINEE_TOTP, "学员一 Trainee One", Roles.TELLER, "801", TRAINING_BRANCH);
        addUser(TRAINER, TRAINER_PASSWORD, TRAINER_TOTP, "培训主管 Trainer", Roles.SUPERVISOR, "891", TRAINING_BRANCH);
        if (em.createQuery("SELECT COUNT(e) FROM JournalEntry e WHERE e.branchCode = :branch", Long.class)
                .setParameter("branch", TRAINING_BRANCH).getSingleResult() == 0) {
            trainingStock.stock(TRAINING_BRANCH, TRAINER, StoredTime.now(Clock.systemUTC()));
        }
        boolean firstStart = em.createQuery("SELECT COUNT(c) FROM Customer c", Long.class).getSingleResult() == 0;
        openDemoTills();
        if (firstStart) {
            addCustomersWithADayOfTransactions();
        }
    }

    /**
     * Blank deposit certificates (存单, 重要空白凭证) 00000001-00000050 in the branch: the first twenty in
     * teller1's till, the next ten in super1's, the rest in the vault.
     */
    private void blankCertificates(Instant now) {
        for (int serial = 1; serial <= 50; serial++) {
            BlankVoucher blank = new BlankVoucher(new BlankVoucher.Key("0001", "CERTIFICATE", String.format("%08d", serial)),
                    "system", now);
            if (serial <= 30) {
                blank.issueTo(serial <= 20 ? "001" : "901", "system", now);
            }
            em.persist(blank);
        }
    }

    /**
     * Individuals and companies, verified, with accounts of several types and a morning's deposits,
     * a withdrawal and transfers (one with the corporate transfer fee).
     */
    private void addCustomersWithADayOfTransactions() {
        Instant now = StoredTime.now(Clock.systemUTC());
        LocalDate today = calendar.today();
        Customer zhangSan = individual("张三", "11010519491231002X", "13800138000", "北京市西城区金融大街1号", "教师", now);
        Customer liSi = individual("李四", "440304198503151231", "13912345678", "深圳市福田区深南大道100号", "工程师", now);
        Customer wangWu = individual("王五", "31010119920708456X", "021-62345678", "上海市黄浦区南京东路8号", null, now);
        Account zhang = account(zhangSan, AccountType.INDIVIDUAL_I, null, null, today);
        Account zhangII = account(zhangSan, AccountType.INDIVIDUAL_II, null, zhang, today);
        Account li = account(liSi, AccountType.INDIVIDUAL_I, null, null, today);
        Account wang = account(wangWu, AccountType.INDIVIDUAL_I, null, null, today);
        Customer tech = corporate("北京示范科技有限公司", "91110105MA01ABCD13", "赵六", "北京市海淀区中关村大街27号",
                "钱七", "010-82345678", now);
        Customer trade = corporate("深圳示范贸易有限公司", "91440300MA5EXAMP2J", "孙八", "深圳市南山区科技园南路9号",
                "周九", "0755-86345678", now);
        Account techBasic = account(tech, AccountType.CORPORATE_BASIC, null, null, today);
        account(tech, AccountType.CORPORATE_GENERAL, null, null, today);
        Account tradeBasic = account(trade, AccountType.CORPORATE_BASIC, null, null, today);
        account(trade, AccountType.CORPORATE_TEMPORARY, today.plusYears(1), null, today);

        blankCertificates(now);
        deposit(zhang, "20000.00", 1, today, now);
        deposit(li, "5600.50", 2, today, now);
        deposit(wang, "888.80", 3, today, now); // cash: countable in notes and coins (to 0.1)
        deposit(techBasic, "500000.00", 4, today, now);
        deposit(tradeBasic, "120000.00", 5, today, now);
        Money paidOut = Money.cny("1200.00");
        post("CASH_WITHDRAWAL", 6, today, now, List.of(
                PostingLine.customer(zhang.glCode(), zhang.number().value(), Side.DEBIT, paidOut,
                        zhang.debit(paidOut, List.of(), today)),
                PostingLine.gl(GlCodes.TILL_CASH, Side.CREDIT, paidOut)));
        transfer(zhang, li, Money.cny("3000.00"), null, 7, today, now);
        transfer(zhang, zhangII, Money.cny("1000.00"), null, 8, today, now);
        transfer(techBasic, wang, Money.cny("8000.00"), Money.cny("5.00"), 9, today, now);
        collectionAgreement(techBasic, today, now);
        Card zhangCard = card(zhang, today, now);
        zhangCard.activate(BCrypt.hashpw(DEMO_PIN, BCrypt.gensalt(10)), TELLER, now);
        card(li, today, now);
        LOG.info(() -> "demo customers created: accounts " + zhang.number() + ", " + li.number() + ", " + wang.number()
                + ", " + techBasic.number() + ", " + tradeBasic.number());
    }

    /** A collection agreement (代收) of the technology company, DEMOFEE, with three open bills. */
    private void collectionAgreement(Account company, LocalDate today, Instant now) {
        CollectionAgreement agreement = new CollectionAgreement(DEMO_AGREEMENT, "北京示范科技培训费",
                CollectionAgreement.Category.FEE, company.number().value(), "system", now);
        em.persist(agreement);
        List<String> payers = List.of("张三", "李四", "王五");
        for (int i = 0; i < payers.size(); i++) {
            em.persist(new CollectionBill(agreement.id(), new BillList.Bill(i + 2, String.format("DF%04d", i + 1),
                    payers.get(i), Money.cny((i + 1) * 100 + ".00"), today.plusDays(30)), now));
        }
    }

    /**
     * The vault's stock (delivered through clearing) on the first start, and the demo users' tills
     * open for the business date with cash from the vault, so they can pay out at once (unless the
     * branch has closed the day, or a till is still open from an earlier one).
     */
    private void openDemoTills() {
        Instant now = StoredTime.now(Clock.systemUTC());
        LocalDate today = calendar.today();
        if (em.createQuery("SELECT COUNT(l) FROM JournalLine l WHERE l.glCode = :vault AND l.entry.branchCode = :branch",
                Long.class).setParameter("vault", GlCodes.VAULT_CASH).setParameter("branch", BRANCH).getSingleResult() == 0) {
            post("VAULT_STOCK", 10, today, now, List.of(
                    PostingLine.gl(GlCodes.VAULT_CASH, Side.DEBIT, Money.cny("10000000.00")),
                    PostingLine.gl(GlCodes.CLEARING, Side.CREDIT, Money.cny("10000000.00"))));
        }
        boolean branchClosed = !em.createNativeQuery("SELECT 1 FROM branch_day WHERE branch_code = ?1 AND business_date = ?2")
                .setParameter(1, BRANCH).setParameter(2, today).getResultList().isEmpty();
        for (String username : List.of(TELLER, SUPERVISOR)) {
            AppUser user = em.find(AppUser.class, username);
            // a session of today, or one not closed yet (an earlier day's, forced past), is left as it is
            boolean opened = !em.createQuery("SELECT s.id FROM TillSession s WHERE s.teller = :teller "
                            + "AND (s.businessDate = :today OR s.status <> :closed)", Long.class)
                    .setParameter("teller", username).setParameter("today", today)
                    .setParameter("closed", TillStatus.CLOSED).getResultList().isEmpty();
            if (!opened && !branchClosed) {
                TillSession session = tills.open(user, now);
                Money cash = Money.cny("500000.00");
                ledger.post(JournalEntry.balanced("VAULT_TO_TILL", today, BRANCH, username,
                        "demo-till-" + session.id(), now, List.of(
                                PostingLine.gl(GlCodes.TILL_CASH, Side.DEBIT, cash),
                                PostingLine.gl(GlCodes.VAULT_CASH, Side.CREDIT, cash))).throughTill(session.id()));
                LOG.info(() -> "demo till " + session.tillCode() + " of " + username + " opened with " + cash);
            }
        }
    }

    private Customer individual(String name, String residentId, String phone, String address, String occupation,
                                Instant now) {
        return verified(Customer.individual(name, new ResidentId(residentId), phone, address, occupation, now, TELLER),
                now);
    }

    private Customer corporate(String name, String creditCode, String representative, String address,
                               String contact, String contactPhone, Instant now) {
        return verified(Customer.corporate(name, new UnifiedSocialCreditCode(creditCode), representative, address,
                contact, contactPhone, now, TELLER), now);
    }

    private Customer verified(Customer customer, Instant now) {
        IdentityVerification check = new IdentityVerification(customer.type().idType(), customer.idNumber(),
                customer.name(), VerificationResult.MATCH, "DEMO-" + customer.idNumber(), TELLER, now, calendar.today());
        em.persist(check);
        em.flush();
        customer.verifiedBy(check, calendar.today());
        em.persist(customer);
        em.flush();
        return customer;
    }

    private Account account(Customer holder, AccountType type, LocalDate expiresOn, Account bound, LocalDate today) {
        Account account = new Account(AccountNumber.generate(BRANCH, type.product(), database.nextValue("account_serial_seq")),
                holder.id(), BRANCH, type, expiresOn, bound == null ? null : bound.number(), Money.CNY, today);
        em.persist(account);
        return account;
    }

    private Card card(Account account, LocalDate today, Instant now) {
        Card card = new Card(accounts.unusedCardNumber(), account.number(), today, TELLER, now);
        em.persist(card);
        return card;
    }

    private void transfer(Account payer, Account payee, Money amount, Money fee, int sequence, LocalDate today,
                          Instant now) {
        List<PostingLine> lines = new ArrayList<>(List.of(
                PostingLine.customer(payer.glCode(), payer.number().value(), Side.DEBIT, amount,
                        payer.debit(amount, List.of(), today)),
                PostingLine.customer(payee.glCode(), payee.number().value(), Side.CREDIT, amount, payee.credit(amount))));
        if (fee != null) {
            lines.add(PostingLine.customer(payer.glCode(), payer.number().value(), Side.DEBIT, fee,
                    payer.debit(fee, List.of(), today)));
            lines.add(PostingLine.gl(GlCodes.FEE_INCOME, Side.CREDIT, fee));
        }
        post("TRANSFER", sequence, today, now, lines);
    }

    private void deposit(Account account, String amount, int sequence, LocalDate today, Instant now) {
        Money money = Money.cny(amount);
        post("CASH_DEPOSIT", sequence, today, now, List.of(
                PostingLine.gl(GlCodes.TILL_CASH, Side.DEBIT, money),
                PostingLine.customer(account.glCode(), account.number().value(), Side.CREDIT, money,
                        account.credit(money))));
    }

    /** The demo token, as if enrolled (its first code not used yet). */
    private static void enrol(AppUser user, String totpSecret) {
        user.startEnrolment(totpSecret);
        user.confirmEnrolment(0);
    }

    /** Posts as teller1; cash through teller1's till, opened before (every till-cash line belongs to a till). */
    private void post(String type, int sequence, LocalDate today, Instant now, List<PostingLine> lines) {
        JournalEntry entry = JournalEntry.balanced(type, today, BRANCH, TELLER, "demo-data-" + sequence, now, lines);
        if (lines.stream().anyMatch(line -> GlCodes.TILL_CASH.equals(line.glCode()))) {
            entry = entry.throughTill(em.createQuery("SELECT s.id FROM TillSession s WHERE s.teller = :teller "
                    + "AND s.businessDate = :today", Long.class).setParameter("teller", TELLER)
                    .setParameter("today", today).getSingleResult());
        }
        ledger.post(entry);
    }

    private void addUser(String username, String password, String totpSecret, String displayName, String role,
                         String till) {
        addUser(username, password, totpSecret, displayName, role, till, BRANCH);
    }

    private void addUser(String username, String password, String totpSecret, String displayName, String role,
                         String till, String branch) {
        AppUser existing = em.find(AppUser.class, username);
        if (existing != null) {
            if (existing.tillCode() == null) {
                existing.assignTill(till); // users created before tills existed
            }
            if (!existing.hasToken()) {
                enrol(existing, totpSecret); // users created before tokens existed
            }
            return;
        }
        AppUser user = new AppUser(username, BCrypt.hashpw(password, BCrypt.gensalt(12)), displayName, branch,
                StoredTime.now(Clock.systemUTC()));
        user.assignTill(till);
        enrol(user, totpSecret);
        em.persist(user);
        em.flush();
        em.createNativeQuery("INSERT INTO app_user_role (username, role_name) VALUES (?1, ?2)")
                .setParameter(1, username).setParameter(2, role).executeUpdate();
        LOG.info(() -> "demo user " + username + " (" + role + ") created");
    }
}
