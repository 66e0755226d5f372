package bank.teller.deposit.application;

import bank.teller.deposit.domain.DepositProduct;
import bank.teller.deposit.domain.RateTable;
import bank.teller.platform.Jdbc;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ReferenceData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** Each product's rate table as the use cases read it, kept with the reference data's version. */
@ApplicationScoped
public class RateTables {

    @Inject
    private Jdbc jdbc;
    @Inject
    private BusinessCalendar calendar;
    @Inject
    private ReferenceData referenceData;

    public RateTable of(DepositProduct product) {
        return new RateTable(rates(product));
    }

    /** The product's rates by the date each takes effect, in date order. */
    SortedMap<LocalDate, BigDecimal> rates(DepositProduct product) {
        return referenceData.get(calendar.referenceVersion(), "interest rates", product, () -> {
            SortedMap<LocalDate, BigDecimal> rates = new TreeMap<>();
            jdbc.query("SELECT effective_from, annual_rate FROM interest_rate WHERE product = ?",
                    row -> rates.put(row.getObject(1, LocalDate.class), row.getBigDecimal(2)), product);
            return Collections.unmodifiableSortedMap(rates);
        });
    }
}
