package bank.teller.web.ui;

import bank.teller.account.application.AccountOpening;
import bank.teller.account.application.AccountView;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/** The account-opening screen. One request id per filled-in form, so a double click opens once. */
@Named
@ViewScoped
public class OpenAccountView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AccountOpening opening;

    private String name;
    private String residentId;
    private String requestId = Screens.newRequestId();

    public String open() {
        AccountView account = Screens.attempt(null,
                () -> opening.openIndividualDemandAccount(name, residentId, requestId));
        if (account == null) {
            return null;
        }
        return "/app/account.xhtml?faces-redirect=true&number=" + account.accountNumber();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getResidentId() {
        return residentId;
    }

    public void setResidentId(String residentId) {
        this.residentId = residentId;
    }
}
