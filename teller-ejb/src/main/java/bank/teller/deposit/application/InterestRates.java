package bank.teller.deposit.application;

import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.deposit.domain.DepositProduct;
import bank.teller.deposit.domain.RateTable;
import bank.teller.platform.Jdbc;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.Dates;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Interest rates (利率表): staff read each product's rates; an administrator adds a rate from a date
 * after the business date (a rate never changes the days already accrued). Adding the same rate for
 * the same date again changes nothing.
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
public class InterestRates {

    /** Decimal places of a rate in percent (0.3500 %), so six of the annual rate as a fraction. */
    static final int PERCENT_SCALE = 4;

    /** A rate as shown and entered: the product, the date it takes effect, the annual rate in percent. */
    public record RateView(String product, String effectiveFrom, String ratePercent) {
    }

    @Inject
    private RateTables rateTables;
    @Inject
    private Jdbc jdbc;
    @Inject
    private BusinessCalendar calendar;
    @Inject
    private CurrentUser currentUser;
    @EJB
    private AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<RateView> list(String product) {
        DepositProduct known = Text.oneOf("product", product, DepositProduct.class);
        return rateTables.rates(known).entrySet().stream().map(rate -> view(known, rate.getKey(), rate.getValue()))
                .toList();
    }

    @RolesAllowed(Roles.ADMIN)
    public RateView add(String product, String effectiveFrom, String ratePercent) {
        DepositProduct known = Text.oneOf("product", product, DepositProduct.class);
        LocalDate from = Dates.required("effectiveFrom", effectiveFrom);
        BigDecimal rate = rate(ratePercent);
        RateTable.requireValid(from, rate);
        BigDecimal existing = rateTables.rates(known).get(from);
        if (existing != null) {
            if (existing.compareTo(rate) == 0) {
                return view(known, from, existing); // the same rate again: already in force from that date
            }
            throw new TellerException(ErrorCode.RATE_DATE_TAKEN, known, from, percent(existing));
        }
        LocalDate today = calendar.today();
        if (!from.isAfter(today)) {
            throw new TellerException(ErrorCode.RATE_DATE_PAST, from, today);
        }
        jdbc.update("INSERT INTO interest_rate (product, effective_from, annual_rate, entered_by, entered_at) "
                + "VALUES (?, ?, ?, ?, ?)", known, from, rate, currentUser.name(), StoredTime.now(clock));
        calendar.referenceChanged(); // every server reads the rates anew with its next transaction
        audit.record("INTEREST_RATE_ADDED", "rate:" + known + ":" + from, percent(rate) + " %", AuditEvent.SUCCESS);
        return view(known, from, rate);
    }

    private static RateView view(DepositProduct product, LocalDate from, BigDecimal rate) {
        return new RateView(product.name(), from.toString(), percent(rate));
    }

    private static String percent(BigDecimal rate) {
        return rate.movePointRight(2).setScale(PERCENT_SCALE).toPlainString();
    }

    /** The annual rate as a fraction, from its percentage ("0.35" is 0.0035). */
    private static BigDecimal rate(String percent) {
        try {
            BigDecimal value = new BigDecimal(Objects.requireNonNullElse(percent, "").strip());
            if (value.scale() > PERCENT_SCALE || value.precision() - value.scale() > 3) {
                throw new NumberFormatException(percent);
            }
            return value.movePointLeft(2);
        } catch (NumberFormatException e) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "ratePercent",
                    "an annual rate in percent, such as 0.35, with at most " + PERCENT_SCALE + " decimals");
        }
    }
}
