package bank.teller.web.ui;

import bank.teller.security.ApiClients;
import bank.teller.security.ApiClients.ClientView;
import bank.teller.security.ApiClients.IssuedKey;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The administrator's API keys screen (接口密钥): every key with its system user, roles and state; a
 * new key for a system (shown once, to be handed to that system's operators) and a revocation.
 */
@Named
@ViewScoped
public class ApiClientsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ApiClients clients;

    private List<ClientView> all = List.of();
    private String system;
    private String description;
    private List<String> roles = new ArrayList<>();
    private IssuedKey issued;

    public void load() {
        List<ClientView> found = Screens.attempt(null, clients::list);
        all = found == null ? List.of() : found;
    }

    public void issue() {
        IssuedKey key = Screens.attempt("issue:system", () -> clients.issue(system, description, Set.copyOf(roles)));
        if (key != null) {
            issued = key;
            system = null;
            description = null;
            roles = new ArrayList<>();
            load();
        }
    }

    public void revoke(ClientView client) {
        issued = null;
        boolean done = Screens.attempt(null, () -> {
            clients.revoke(client.keyId());
            return true;
        }) != null;
        if (done) {
            Screens.info(Screens.text("apiClients.revoked", client.keyId(), client.username()));
            load();
        }
    }

    public List<String> getRoleChoices() {
        return List.copyOf(new TreeSet<>(ApiClients.GRANTABLE));
    }

    public List<ClientView> getAll() {
        return all;
    }

    public String getSystem() {
        return system;
    }

    public void setSystem(String system) {
        this.system = system;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public IssuedKey getIssued() {
        return issued;
    }
}
