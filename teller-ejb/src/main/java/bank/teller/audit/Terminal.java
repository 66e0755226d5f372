package bank.teller.audit;

import jakarta.enterprise.context.RequestScoped;

/**
 * The network address the current request came from, for the audit trail: set by the web layer
 * for each HTTP request; absent for messages and batch jobs.
 */
@RequestScoped
public class Terminal {

    private String address;

    public String address() {
        return address;
    }

    public void set(String address) {
        this.address = address == null ? null : address.length() > 64 ? address.substring(0, 64) : address;
    }
}
