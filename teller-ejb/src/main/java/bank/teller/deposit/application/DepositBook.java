package bank.teller.deposit.application;

import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountStatus;
import bank.teller.calendar.application.WorkingCalendar;
import bank.teller.customer.domain.Customer;
import bank.teller.deposit.domain.CertificateLoss;
import bank.teller.deposit.domain.DepositEvent;
import bank.teller.deposit.domain.DepositProduct;
import bank.teller.deposit.domain.DepositTerms;
import bank.teller.deposit.domain.InterestSlip;
import bank.teller.deposit.domain.NoticeDeposit;
import bank.teller.deposit.domain.RateTable;
import bank.teller.deposit.domain.TimeDeposit;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.ledger.domain.Side;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the deposit use cases and queries share: a deposit's terms read with its account, what
 * withdrawing from it on a day pays (the domain's rules with the rate tables and the calendar), and
 * its view. Runs in the caller's transaction.
 */
@ApplicationScoped
public class DepositBook {

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private RateTables rateTables;
    @Inject
    private WorkingCalendar workingCalendar;

    /** The terms of {@code account}, or DEPOSIT_NOT_FOUND when it is no time or notice deposit. */
    public DepositTerms terms(Account account) {
        DepositTerms terms = account.type().isTerm() ? em.find(DepositTerms.class, account.number().value()) : null;
        if (terms == null) {
            throw new TellerException(ErrorCode.DEPOSIT_NOT_FOUND, account.number().value());
        }
        return terms;
    }

    /**
     * What withdrawing {@code amount} (null: everything) pays on {@code today}: the interest slip, the
     * principal paid out, and the terms of what stays (none when the withdrawal closes the deposit).
     * A time deposit's part is a partial early withdrawal; a notice deposit's rest below the minimum
     * is paid out with it.
     */
    public record Settlement(InterestSlip slip, Money principal, TimeDeposit timeRest, NoticeDeposit noticeRest,
                             boolean early) {

        public boolean closes() {
            return timeRest == null && noticeRest == null;
        }

        public Money paidOut() {
            return principal.plus(slip.total());
        }
    }

    public Settlement settle(Account account, DepositTerms terms, Money amount, LocalDate today) {
        Money balance = account.balance();
        Money asked = amount == null ? balance : amount;
        if (asked.compareTo(balance) > 0) {
            throw new TellerException(ErrorCode.DEPOSIT_AMOUNT_ABOVE_PRINCIPAL, asked, balance);
        }
        if (terms.product().isNotice()) {
            NoticeDeposit.Withdrawal withdrawal = terms.notice(balance).withdraw(asked, today,
                    rateTables.of(terms.product()), demandRates());
            return new Settlement(withdrawal.slip(), withdrawal.paidOut(), null, withdrawal.rest(), false);
        }
        TimeDeposit deposit = terms.time(balance);
        LocalDate payableFrom = payableFrom(deposit);
        boolean early = !deposit.maturedOn(today, payableFrom);
        if (asked.equals(balance)) {
            return new Settlement(deposit.payout(today, payableFrom, demandRates()), balance, null, null, early);
        }
        TimeDeposit.PartialWithdrawal partial = deposit.withdrawPart(asked, today, payableFrom, demandRates());
        return new Settlement(partial.slip(), asked, partial.rest(), null, true);
    }

    /**
     * The debits that pay {@code interest} out of a deposit: the overdue interest end of day has
     * accrued out of 应付利息 (the terms then owe none), the rest out of interest expense (credited
     * back, should more have been accrued than is paid). None when there is nothing to pay or take.
     */
    public List<PostingLine> interestCost(DepositTerms terms, Money interest) {
        Money accrued = terms.takeOverdueAccrued(interest.currency());
        List<PostingLine> lines = new ArrayList<>();
        if (!accrued.isZero()) {
            lines.add(PostingLine.gl(GlCodes.ACCRUED_INTEREST_PAYABLE, Side.DEBIT, accrued));
        }
        Money expense = interest.minus(accrued);
        if (!expense.isZero()) {
            boolean more = expense.amount().signum() > 0;
            lines.add(PostingLine.gl(GlCodes.INTEREST_EXPENSE, more ? Side.DEBIT : Side.CREDIT,
                    more ? expense : accrued.minus(interest)));
        }
        return lines;
    }

    /** The first day the deposit is paid as matured: its maturity, moved by its product's rule off a closed day. */
    public LocalDate payableFrom(TimeDeposit deposit) {
        return deposit.product().maturityRule().adjust(deposit.maturesOn(), workingCalendar.days());
    }

    private RateTable demandRates() {
        return rateTables.of(DepositProduct.DEMAND);
    }

    /** The deposit as the counter sees it, with what withdrawing it all today would pay while it is open. */
    public DepositView view(Account account, DepositTerms terms, Customer holder, LocalDate today) {
        List<DepositEvent> events = em.createQuery("SELECT e FROM DepositEvent e WHERE e.accountNumber = :account "
                + "ORDER BY e.id", DepositEvent.class).setParameter("account", account.number().value()).getResultList();
        boolean open = account.status() != AccountStatus.CLOSED;
        TimeDeposit time = terms.product().isTime() ? terms.time(account.balance()) : null;
        NoticeDeposit.Notice notice = terms.product().isNotice() ? terms.notice(account.balance()).notice() : null;
        SlipView payout = open ? SlipView.of(settle(account, terms, null, today).slip()) : null;
        return new DepositView(account.number().value(), holder.id(), holder.name(), terms.product().name(),
                account.status().name(), account.balance().toPlainString(), account.balance().currency(),
                time == null ? null : RateTable.percent(time.rate()), time == null ? account.openedOn() : time.termStart(),
                time == null ? null : time.maturesOn(), time == null ? null : payableFrom(time),
                time == null ? null : time.renewal().name(), time != null && time.partlyWithdrawn(),
                notice == null ? null : notice.date(), notice == null ? null : notice.amount().toPlainString(),
                terms.settlementAccount(), terms.certificateNo(), account.branchCode(), loss(activeLoss(account.number().value())),
                payout,
                events.stream().map(e -> event(e, account.balance().currency())).toList());
    }

    /** The deposit's loss report in force, or null. */
    public CertificateLoss activeLoss(String accountNumber) {
        return em.createQuery("SELECT l FROM CertificateLoss l WHERE l.accountNumber = :account AND l.status = :active",
                        CertificateLoss.class).setParameter("account", accountNumber)
                .setParameter("active", CertificateLoss.Status.ACTIVE).getResultStream().findFirst().orElse(null);
    }

    /** Refused (DEPOSIT_CERTIFICATE_LOST) while the deposit's certificate is reported lost. */
    public void requireNotLost(String accountNumber) {
        CertificateLoss loss = activeLoss(accountNumber);
        if (loss != null) {
            throw lost(loss);
        }
    }

    static TellerException lost(CertificateLoss loss) {
        return new TellerException(ErrorCode.DEPOSIT_CERTIFICATE_LOST, loss.certificateNo(), loss.kind(),
                loss.reportedOn());
    }

    private static DepositView.Loss loss(CertificateLoss loss) {
        return loss == null ? null : new DepositView.Loss(loss.kind().name(), loss.certificateNo(), loss.reportedOn(),
                loss.lapsesAfter(), loss.waitOverOn());
    }

    private static DepositView.Event event(DepositEvent e, String currency) {
        return new DepositView.Event(e.event(), e.businessDate(), e.certificateNo(),
                e.amount() == null ? null : Money.of(e.amount(), currency).toPlainString(),
                e.interest() == null ? null : Money.of(e.interest(), currency).toPlainString(), e.entryId(), e.detail(),
                e.actor(), e.at(), SlipView.of(e.slip(currency)));
    }
}
