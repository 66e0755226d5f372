package bank.teller.web.ui;

import bank.teller.aml.LargeCash;
import bank.teller.aml.LargeCashRow;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** The supervisor's list of today's large cash transactions, with its CSV export. */
@Named
@RequestScoped
public class LargeCashPage {

    @EJB
    private LargeCash largeCash;

    private List<LargeCashRow> rows;

    public List<LargeCashRow> getRows() {
        if (rows == null) {
            List<LargeCashRow> report = Screens.attempt(null, () -> largeCash.report(null));
            rows = report == null ? List.of() : report;
        }
        return rows;
    }
}
