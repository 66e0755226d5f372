package bank.teller.web.ui;

import bank.teller.deposit.application.InterestRates;
import bank.teller.deposit.application.InterestRates.RateView;
import bank.teller.deposit.domain.DepositProduct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The interest rates screen (利率): each deposit product's annual rates with the dates they take
 * effect; administrators enter a new rate from a day after today (the days before keep their rate).
 */
@Named
@ViewScoped
public class InterestRatesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private InterestRates rates;

    private String product = DepositProduct.DEMAND.name();
    private List<RateView> shown = List.of();
    private String effectiveFrom;
    private String ratePercent;

    public void load() {
        List<RateView> found = Screens.attempt("rates:product", () -> rates.list(product));
        shown = found == null ? List.of() : found;
    }

    public void add() {
        RateView added = Screens.attempt("add:from", () -> rates.add(product, effectiveFrom, ratePercent));
        if (added != null) {
            Screens.info(Screens.text("rates.added", added.ratePercent(), added.effectiveFrom()));
            effectiveFrom = null;
            ratePercent = null;
            load();
        }
    }

    public List<String> getProducts() {
        return Arrays.stream(DepositProduct.values()).map(Enum::name).toList();
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = product;
    }

    public List<RateView> getShown() {
        return shown;
    }

    public String getEffectiveFrom() {
        return effectiveFrom;
    }

    public void setEffectiveFrom(String effectiveFrom) {
        this.effectiveFrom = effectiveFrom;
    }

    public String getRatePercent() {
        return ratePercent;
    }

    public void setRatePercent(String ratePercent) {
        this.ratePercent = ratePercent;
    }
}
