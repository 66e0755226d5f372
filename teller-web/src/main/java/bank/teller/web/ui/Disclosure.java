package bank.teller.web.ui;

import bank.teller.customer.application.Customers;
import bank.teller.customer.application.PersonalData;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * 核对证件 on a screen: the customer's ID number, birth date and phone in full, shown after the
 * teller asks for them (each time recorded in the audit trail) and only on this view, for this
 * customer. Everywhere else they are masked.
 */
@Named
@ViewScoped
public class Disclosure implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Customers customers;

    private PersonalData shown;

    public void reveal(long customerId) {
        shown = Screens.attempt(null, () -> customers.reveal(customerId));
    }

    /** What was revealed of this customer on this view, or null. */
    public PersonalData of(long customerId) {
        return shown != null && shown.customerId() == customerId ? shown : null;
    }
}
