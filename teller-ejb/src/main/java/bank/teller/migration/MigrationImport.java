package bank.teller.migration;

import bank.teller.account.application.AccountOpening;
import bank.teller.account.application.Accounts;
import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.account.domain.AccountType;
import bank.teller.account.domain.Card;
import bank.teller.account.domain.CardNumber;
import bank.teller.account.domain.CardStatus;
import bank.teller.account.domain.Restriction;
import bank.teller.account.domain.RestrictionKind;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.customer.domain.Customer;
import bank.teller.customer.domain.CustomerType;
import bank.teller.customer.domain.IdentityVerification;
import bank.teller.customer.domain.ResidentId;
import bank.teller.customer.domain.UnifiedSocialCreditCode;
import bank.teller.customer.domain.VerificationResult;
import bank.teller.deposit.domain.DepositEvent;
import bank.teller.deposit.domain.DepositProduct;
import bank.teller.deposit.domain.DepositTerms;
import bank.teller.deposit.domain.RateTable;
import bank.teller.deposit.domain.Renewal;
import bank.teller.deposit.domain.TimeDeposit;
import bank.teller.ledger.application.Ledger;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.ledger.domain.Side;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.Dates;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import bank.teller.till.application.VoucherStock;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * For the {@code migration-import} job: imports one staged row at a time, in a transaction of its own
 * that also marks the row (so a restart finds only the rows still pending and nothing is made twice),
 * by Teller's own rules: check digits, ID numbers, account classes, one class I account per person,
 * a card per account, a deposit's term and rate. An opening balance is booked against the migration
 * account ({@link GlCodes#MIGRATION_CLEARING}), entry type {@link JournalEntry#MIGRATION_OPENING}: the core already
 * has it, so it is not sent there. A row Teller refuses is rejected with the refusal's code.
 */
@Stateless
@PermitAll
public class MigrationImport {

    private static final String ROLES = "MIGRATION";
    private static final Logger LOG = Logger.getLogger(MigrationImport.class.getName());

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private Accounts accounts;
    @Inject
    private Ledger ledger;
    @Inject
    private BusinessCalendar calendar;
    @EJB
    private AccountOpening opening;
    @EJB
    private VoucherStock voucherStock;
    @EJB
    private AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    /** The ids of the batch's rows of {@code file} still pending after {@code afterId}, in order. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> pending(long batchId, MigrationFile file, long afterId, int max) {
        return em.createQuery("SELECT r.id FROM MigrationRow r WHERE r.batchId = :batch AND r.file = :file "
                        + "AND r.status = :pending AND r.id > :after ORDER BY r.id", Long.class)
                .setParameter("batch", batchId).setParameter("file", file).setParameter("pending", MigrationRow.PENDING)
                .setParameter("after", afterId).setMaxResults(max).getResultList();
    }

    /** The job is about to start (or restart) on the batch: refused once it was signed off or discarded. */
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public void importing(long batchId) {
        MigrationBatch batch = lock(batchId);
        if (((Number) em.createNativeQuery("SELECT COUNT(*) FROM migration_control WHERE batch_id = ?1")
                .setParameter(1, batchId).getSingleResult()).longValue() == 0) {
            throw new TellerException(ErrorCode.MIGRATION_CONTROLS_INVALID, 1,
                    "the old system's control totals are needed before the import");
        }
        batch.importing();
    }

    /** The job execution importing the batch. */
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public void executedBy(long batchId, long execution) {
        lock(batchId).executedBy(execution);
    }

    private MigrationBatch lock(long batchId) {
        return MigrationBatch.lock(em, batchId);
    }

    /** The job went through every file. */
    public void imported(long batchId) {
        MigrationBatch batch = lock(batchId);
        batch.imported();
        audit.recordFor(batch.loadedBy(), ROLES, batch.branchCode(), "MIGRATION_IMPORTED", "migration:" + batchId,
                "branch " + batch.branchCode(), AuditEvent.SUCCESS);
    }

    /** Imports the row, once; a TellerException leaves it pending, for {@link #reject}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void importRow(long rowId) {
        MigrationRow row = em.find(MigrationRow.class, rowId, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || !MigrationRow.PENDING.equals(row.status())) {
            return;
        }
        MigrationBatch batch = em.find(MigrationBatch.class, row.batchId());
        Row cells = Row.of(row.cells());
        switch (row.file()) {
            case CUSTOMERS -> customer(batch, row, cells);
            case ACCOUNTS -> account(batch, row, cells);
            case CARDS -> card(batch, row, cells);
            case TIME_DEPOSITS -> timeDeposit(batch, row, cells);
            case VOUCHER_STOCK -> vouchers(batch, row, cells);
        }
        String subject = row.file() == MigrationFile.CARDS ? new CardNumber(row.ref()).masked() : row.ref();
        audit.recordFor(batch.loadedBy(), ROLES, batch.branchCode(), "MIGRATION_" + row.file(), subject,
                "migration " + batch.id() + ", line " + row.lineNo(), AuditEvent.SUCCESS);
    }

    /** Rejects the row with the reason Teller refused it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void reject(long rowId, TellerException reason) {
        MigrationRow row = em.find(MigrationRow.class, rowId, LockModeType.PESSIMISTIC_WRITE);
        if (row != null && MigrationRow.PENDING.equals(row.status())) {
            row.rejected(reason.code().name(), reason.args());
        }
    }

    /**
     * Rejects the row an unforeseen failure stopped (the server log has it, by the row's id), so one
     * row cannot hold the whole import; when the database itself fails, this fails too and the job
     * stops, to be resumed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void rejectFailed(long rowId, RuntimeException failure) {
        LOG.log(Level.WARNING, "migration row " + rowId + " could not be imported", failure);
        reject(rowId, new TellerException(ErrorCode.MIGRATION_ROW_FAILED, rowId));
    }

    /** A row's cells by column name. */
    private record Row(List<String> values) {

        static Row of(String line) {
            try (CSVParser parser = CSVParser.parse(new StringReader(line), CSVFormat.DEFAULT)) {
                return new Row(parser.getRecords().get(0).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String get(int column) {
            String value = column < values.size() ? values.get(column).strip() : "";
            return value.isEmpty() ? null : value;
        }
    }

    private void customer(MigrationBatch batch, MigrationRow row, Row cells) {
        Instant now = StoredTime.now(clock);
        CustomerType type = Text.oneOf("type", cells.get(1), CustomerType.class);
        Customer customer = type == CustomerType.INDIVIDUAL
                ? Customer.individual(cells.get(2), new ResidentId(cells.get(3)), cells.get(4), cells.get(5),
                cells.get(6), now, batch.loadedBy())
                : Customer.corporate(cells.get(2), new UnifiedSocialCreditCode(cells.get(3)), cells.get(7), cells.get(5),
                cells.get(8), cells.get(9), now, batch.loadedBy());
        MigrationRow.Counted counted = new MigrationRow.Counted("CUSTOMER_" + type, 1, BigDecimal.ZERO);
        Customer known = Customer.findByIdNumber(em, type, customer.idNumber(), false);
        if (known != null) { // a customer of another branch already, or registered at a counter: the same person
            if (!known.name().equals(customer.name())) {
                throw new TellerException(ErrorCode.IDENTITY_DETAILS_MISMATCH, known.maskedIdNumber());
            }
            row.imported(String.valueOf(known.id()), false, counted, null);
            return;
        }
        LocalDate today = calendar.today();
        // the old system verified the customer when it took them on; the migration stands for that check
        IdentityVerification verification = new IdentityVerification(type.idType(), customer.idNumber(), customer.name(),
                VerificationResult.MATCH, "MIGRATION-" + batch.id() + "-" + row.lineNo(), batch.loadedBy(), now, today);
        em.persist(verification);
        em.flush(); // before the customer that refers to it
        customer.verifiedBy(verification, today);
        em.persist(customer);
        em.flush();
        row.imported(String.valueOf(customer.id()), true, counted, null);
    }

    private void account(MigrationBatch batch, MigrationRow row, Row cells) {
        AccountNumber number = new AccountNumber(cells.get(0));
        AccountType type = Text.oneOf("type", cells.get(2), AccountType.class);
        requireOfBranch(batch, number, type);
        Customer holder = holder(batch, cells.get(1));
        Money balance = Money.parse(cells.get(3), Money.CNY);
        if (balance.amount().signum() < 0) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "balance", balance.toPlainString());
        }
        LocalDate openedOn = Dates.required("opened_on", cells.get(4));
        if (em.find(Account.class, number.value()) != null) {
            throw new TellerException(ErrorCode.MIGRATION_ALREADY_EXISTS, "account", number.value());
        }
        Account account = opening.openMigrated(holder, type, Dates.optional("expires_on", cells.get(5)), number,
                batch.branchCode(), openedOn);
        Long entry = null;
        if (balance.amount().signum() > 0) {
            Account locked = accounts.lockForBalanceChange(number);
            Money after = locked.credit(balance);
            accounts.writeBalances();
            entry = postOpening(batch, row, locked, balance, after);
        }
        String restriction = cells.get(6);
        if (restriction != null) {
            RestrictionKind kind = Text.oneOf("restriction", restriction, RestrictionKind.class);
            Money amount = cells.get(7) == null ? null : Money.parse(cells.get(7), Money.CNY);
            if (kind == RestrictionKind.HOLD && amount != null && amount.compareTo(balance) > 0) {
                throw new TellerException(ErrorCode.INSUFFICIENT_FUNDS, number.value(), balance.toPlainString(),
                        amount.toPlainString());
            }
            em.persist(new Restriction(number, kind, amount, Text.required("restriction_reason", cells.get(9), 200),
                    cells.get(8), null, batch.loadedBy(), StoredTime.now(clock)));
        }
        row.imported(account.number().value(), true, new MigrationRow.Counted(type.name(), 1, balance.amount()), entry);
    }

    private void card(MigrationBatch batch, MigrationRow row, Row cells) {
        CardNumber pan = new CardNumber(cells.get(0));
        AccountNumber number = migratedAccount(batch, cells.get(1));
        Account account = accounts.require(number);
        if (!account.type().takesCards()) {
            throw new TellerException(ErrorCode.CARD_NOT_ALLOWED, number.value(), account.type());
        }
        if (em.find(Card.class, pan.value()) != null) {
            throw new TellerException(ErrorCode.MIGRATION_ALREADY_EXISTS, "card", pan.masked());
        }
        em.createQuery("SELECT c FROM Card c WHERE c.accountNumber = :number", Card.class)
                .setParameter("number", number.value()).getResultStream()
                .filter(c -> c.status() == CardStatus.ISSUED || c.status() == CardStatus.ACTIVE).findFirst()
                .ifPresent(c -> {
                    throw new TellerException(ErrorCode.CARD_ALREADY_ISSUED, number.value(), c.number().masked());
                });
        // issued, not active: the old system's PIN does not come over, the customer sets one at the counter
        em.persist(new Card(pan, number, calendar.today(), batch.loadedBy(), StoredTime.now(clock)));
        em.flush();
        row.imported(pan.value(), true, new MigrationRow.Counted("CARD", 1, BigDecimal.ZERO), null);
    }

    private void timeDeposit(MigrationBatch batch, MigrationRow row, Row cells) {
        AccountNumber number = new AccountNumber(cells.get(0));
        Customer holder = holder(batch, cells.get(1));
        holder.requireVerified();
        AccountType type = AccountType.termOf(holder.type(), true);
        requireOfBranch(batch, number, type);
        DepositProduct product = Text.oneOf("product", cells.get(2), DepositProduct.class);
        if (!product.isTime()) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "product", product.name());
        }
        Money principal = Money.parse(cells.get(3), Money.CNY);
        TimeDeposit.requireMinimum(principal);
        LocalDate termStart = Dates.required("term_start", cells.get(5));
        LocalDate today = calendar.today();
        if (termStart.isAfter(today)) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "term_start", termStart.toString());
        }
        BigDecimal rate = percent(Text.required("rate_percent", cells.get(4), 10));
        RateTable.requireValid(termStart, rate);
        Renewal renewal = Text.oneOf("renewal", cells.get(6), Renewal.class);
        AccountNumber settlement = cells.get(7) == null ? null : new AccountNumber(cells.get(7));
        if (settlement == null && renewal == Renewal.PRINCIPAL) {
            throw new TellerException(ErrorCode.DEPOSIT_SETTLEMENT_REQUIRED);
        }
        if (settlement != null) {
            Account demand = accounts.require(settlement);
            if (!holder.id().equals(demand.customerId()) || demand.type().isTerm()) {
                throw new TellerException(ErrorCode.VALIDATION_FAILED, "settlement_account", settlement.value());
            }
        }
        String certificate = Text.required("certificate_no", cells.get(8), 12);
        TimeDeposit deposit = new TimeDeposit(product, principal, rate, termStart, TimeDeposit.maturity(product, termStart),
                renewal, false);
        if (em.find(Account.class, number.value()) != null) {
            throw new TellerException(ErrorCode.MIGRATION_ALREADY_EXISTS, "account", number.value());
        }
        Account account = new Account(number, holder.id(), batch.branchCode(), type, null, null, Money.CNY, termStart);
        Money after = account.creditDeposit(principal);
        accounts.add(account);
        long entry = postOpening(batch, row, account, principal, after);
        em.persist(new DepositTerms(number.value(), deposit, settlement == null ? null : settlement.value(), certificate));
        em.persist(new DepositEvent(number.value(), DepositEvent.Kind.OPENED, today, certificate, principal.amount(),
                entry, "migrated: " + product + " at " + RateTable.percent(rate) + " % from " + termStart + " to "
                + deposit.maturesOn() + ", renewal " + renewal, batch.loadedBy(), StoredTime.now(clock)));
        row.imported(number.value(), true, new MigrationRow.Counted(product.name(), 1, principal.amount()), entry);
    }

    private void vouchers(MigrationBatch batch, MigrationRow row, Row cells) {
        String kind = cells.get(0);
        int received = voucherStock.receiveInto(batch.branchCode(), kind, cells.get(1), cells.get(2), batch.loadedBy())
                .size();
        row.imported(kind + ":" + cells.get(1) + "-" + cells.get(2), true,
                new MigrationRow.Counted(kind, received, BigDecimal.ZERO), null);
    }

    /** The opening balance: debit the migration account, credit the customer's account. */
    private long postOpening(MigrationBatch batch, MigrationRow row, Account account, Money amount, Money after) {
        List<PostingLine> lines = List.of(PostingLine.gl(GlCodes.MIGRATION_CLEARING, Side.DEBIT, amount),
                PostingLine.customer(account.glCode(), account.number().value(), Side.CREDIT, amount, after));
        return ledger.post(JournalEntry.balanced(JournalEntry.MIGRATION_OPENING, calendar.today(), batch.branchCode(), batch.loadedBy(),
                "migration-" + row.id(), StoredTime.now(clock), lines)).id();
    }

    /** An account number of the batch's branch and of the product of its type (its check digit checked already). */
    private static void requireOfBranch(MigrationBatch batch, AccountNumber number, AccountType type) {
        if (!number.value().startsWith(batch.branchCode() + type.product())) {
            throw new TellerException(ErrorCode.MIGRATION_ACCOUNT_NOT_OF_BRANCH, number.value(), batch.branchCode(),
                    type.product());
        }
    }

    /** The customer the batch's customers file registered (or found) under the old system's id, locked. */
    private Customer holder(MigrationBatch batch, String legacyId) {
        String ref = migrated(batch, MigrationFile.CUSTOMERS, Text.required("legacy_customer_id", legacyId, 40));
        if (ref == null) {
            throw new TellerException(ErrorCode.MIGRATION_CUSTOMER_UNKNOWN, legacyId);
        }
        return em.find(Customer.class, Long.parseLong(ref), LockModeType.PESSIMISTIC_WRITE);
    }

    private AccountNumber migratedAccount(MigrationBatch batch, String accountNumber) {
        String ref = migrated(batch, MigrationFile.ACCOUNTS, Text.required("account_number", accountNumber, 40));
        if (ref == null) {
            throw new TellerException(ErrorCode.MIGRATION_ACCOUNT_UNKNOWN, accountNumber);
        }
        return new AccountNumber(ref);
    }

    private String migrated(MigrationBatch batch, MigrationFile file, String legacyKey) {
        return em.createQuery("SELECT r.ref FROM MigrationRow r WHERE r.batchId = :batch AND r.file = :file "
                        + "AND r.legacyKey = :key AND r.status = :imported", String.class)
                .setParameter("batch", batch.id()).setParameter("file", file).setParameter("key", legacyKey)
                .setParameter("imported", MigrationRow.IMPORTED).getResultStream().findFirst().orElse(null);
    }

    /** "1.75" (per cent) as the fraction 0.0175. */
    private static BigDecimal percent(String text) {
        try {
            return new BigDecimal(text).movePointLeft(2).setScale(6, RoundingMode.UNNECESSARY);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "rate_percent", text);
        }
    }
}
