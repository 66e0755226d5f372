package bank.teller.account.application;

import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.account.domain.Restriction;
import bank.teller.account.domain.RestrictionKind;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.security.AppUser;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.RequestIds;
import bank.teller.shared.TellerException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Holds (止付) and judicial freezes (冻结) on accounts, and their release. The account row is
 * locked while one is placed or released, so no withdrawal slips between the check and the change.
 * Tellers place and release holds; only supervisors freeze and unfreeze (approvals: issue 4).
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR})
public class AccountRestrictions {

    static final String PLACE = "PLACE_RESTRICTION";
    static final String RELEASE = "RELEASE_RESTRICTION";

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    private Accounts accounts;
    @EJB
    private RequestIds requestIds;
    @Inject
    private CurrentUser currentUser;
    @EJB
    private AuditTrail audit;
    @Inject
    private BusinessCalendar calendar;

    /** A hold of {@code amountText} until {@code expiresOn} (inclusive; null: until released). */
    public RestrictionView placeHold(String accountNumber, String amountText, String reason, LocalDate expiresOn,
                                     String requestId) {
        Money amount = Money.parse(amountText, Money.CNY).requirePositive();
        LocalDate today = calendar.today();
        if (expiresOn != null && expiresOn.isBefore(today)) {
            throw new TellerException(ErrorCode.RESTRICTION_INVALID, "expiresOn " + expiresOn);
        }
        return place(new AccountNumber(accountNumber), RestrictionKind.HOLD, amount, reason, null, expiresOn, requestId);
    }

    /** A judicial freeze of {@code amountText}, or of the whole account when it is null or blank. */
    @RolesAllowed(Roles.SUPERVISOR)
    public RestrictionView freeze(String accountNumber, String amountText, String reason, String legalReference,
                                  String requestId) {
        boolean whole = amountText == null || amountText.isBlank();
        Money amount = whole ? null : Money.parse(amountText, Money.CNY).requirePositive();
        return place(new AccountNumber(accountNumber), whole ? RestrictionKind.FREEZE_ALL : RestrictionKind.FREEZE_AMOUNT,
                amount, reason, legalReference, null, requestId);
    }

    /** Releases a hold (tellers and supervisors) or a freeze (supervisors only). */
    public RestrictionView release(long restrictionId, String requestId) {
        return requestIds.once(requestId, RELEASE, String.valueOf(restrictionId), this::view,
                now -> release(restrictionId, now), view -> String.valueOf(view.id()));
    }

    private RestrictionView release(long restrictionId, Instant now) {
        Restriction restriction = Optional.ofNullable(em.find(Restriction.class, restrictionId))
                .orElseThrow(() -> new TellerException(ErrorCode.RESTRICTION_NOT_FOUND, restrictionId));
        if (restriction.kind() != RestrictionKind.HOLD && !context.isCallerInRole(Roles.SUPERVISOR)) {
            throw new TellerException(ErrorCode.FORBIDDEN);
        }
        accounts.lockForPosting(restriction.accountNumber());
        em.refresh(restriction, LockModeType.PESSIMISTIC_WRITE);
        restriction.release(currentUser.get().username(), now);
        audit.record("RESTRICTION_RELEASED", restriction.accountNumber().value(), "restriction " + restrictionId + ": "
                + restriction.kind(), AuditEvent.SUCCESS);
        return RestrictionView.of(restriction);
    }

    /** The holds and freezes in force today. */
    public List<RestrictionView> inForce(String accountNumber) {
        AccountNumber number = accounts.require(new AccountNumber(accountNumber)).number();
        LocalDate today = calendar.today();
        return accounts.unreleasedRestrictionsOf(number).stream()
                .filter(r -> r.activeOn(today)).map(RestrictionView::of).toList();
    }

    private RestrictionView place(AccountNumber number, RestrictionKind kind, Money amount, String reason,
                                  String legalReference, LocalDate expiresOn, String requestId) {
        return requestIds.once(requestId, PLACE, number + "|" + kind + "|" + amount, this::view,
                now -> place(number, kind, amount, reason, legalReference, expiresOn, now),
                view -> String.valueOf(view.id()));
    }

    private RestrictionView place(AccountNumber number, RestrictionKind kind, Money amount, String reason,
                                  String legalReference, LocalDate expiresOn, Instant now) {
        AppUser user = currentUser.get();
        Account account = accounts.lockForPosting(number);
        LocalDate today = calendar.today();
        if (kind == RestrictionKind.HOLD) {
            Money available = account.availableBalance(accounts.unreleasedRestrictionsOf(number), today);
            if (amount.compareTo(available) > 0) {
                throw new TellerException(ErrorCode.INSUFFICIENT_FUNDS, number.value(), available.toPlainString(),
                        amount.toPlainString());
            }
        }
        Restriction restriction = new Restriction(number, kind, amount, reason, legalReference, expiresOn,
                user.username(), now);
        em.persist(restriction);
        em.flush();
        audit.record("RESTRICTION_PLACED", number.value(), "restriction " + restriction.id() + ": " + kind
                + (amount == null ? "" : " " + amount) + (legalReference == null ? "" : ", " + legalReference)
                + "; reason: " + reason, AuditEvent.SUCCESS);
        return RestrictionView.of(restriction);
    }

    private RestrictionView view(String restrictionId) {
        return RestrictionView.of(em.find(Restriction.class, Long.parseLong(restrictionId)));
    }
}
