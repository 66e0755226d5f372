package bank.teller.web.ui;

import bank.teller.security.Users;
import bank.teller.security.Users.TemporaryPassword;
import bank.teller.security.Users.UserView;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The administrator's users screen (用户管理): every user with their branch, till, roles and state; a
 * new user (their temporary password shown once, to hand over sealed), a password or token reset, an
 * unlock, a disable and a change of roles. Each change audited by the service.
 */
@Named
@ViewScoped
public class UsersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Users users;

    private List<UserView> all = List.of();
    private String username;
    private String displayName;
    private String branchCode;
    private String tillCode;
    private List<String> roles = new ArrayList<>();
    private UserView editing;
    private List<String> editedRoles = new ArrayList<>();
    private TemporaryPassword handedOver;
    private String query;

    public void load() {
        List<UserView> found = Screens.attempt(null, users::list);
        all = found == null ? List.of() : found;
    }

    public void create() {
        TemporaryPassword created = Screens.attempt("create:username",
                () -> users.create(username, displayName, branchCode, tillCode, Set.copyOf(roles)));
        if (created != null) {
            handedOver = created;
            username = null;
            displayName = null;
            tillCode = null;
            roles = new ArrayList<>();
            load();
        }
    }

    public void resetPassword(UserView user) {
        TemporaryPassword reset = Screens.attempt(null, () -> users.resetPassword(user.username()));
        if (reset != null) {
            handedOver = reset;
            load();
        }
    }

    public void resetToken(UserView user) {
        changed(() -> users.resetToken(user.username()), "users.tokenReset");
    }

    public void unlock(UserView user) {
        changed(() -> users.unlock(user.username()), "users.unlocked");
    }

    public void disable(UserView user) {
        changed(() -> users.disable(user.username()), "users.disabled");
    }

    public void edit(UserView user) {
        editing = user;
        editedRoles = new ArrayList<>(user.roles());
    }

    public void saveRoles() {
        if (editing != null) {
            String name = editing.username();
            changed(() -> users.setRoles(name, Set.copyOf(editedRoles)), "users.rolesChanged");
            editing = null;
        }
    }

    private void changed(Supplier<UserView> work, String message) {
        handedOver = null;
        UserView done = Screens.attempt(null, work);
        if (done != null) {
            Screens.info(Screens.text(message, done.username()));
            load();
        }
    }

    /** The roles a person can hold, in a stable order. */
    public List<String> getRoleChoices() {
        return List.copyOf(new TreeSet<>(Users.ROLES));
    }

    /** The users whose user name or name contains what was typed in the search field (all when it is empty). */
    public List<UserView> getShown() {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return q.isEmpty() ? all : all.stream().filter(u -> u.username().toLowerCase(Locale.ROOT).contains(q)
                || u.displayName().toLowerCase(Locale.ROOT).contains(q)).toList();
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getBranchCode() {
        return branchCode;
    }

    public void setBranchCode(String branchCode) {
        this.branchCode = branchCode;
    }

    public String getTillCode() {
        return tillCode;
    }

    public void setTillCode(String tillCode) {
        this.tillCode = tillCode;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public UserView getEditing() {
        return editing;
    }

    public List<String> getEditedRoles() {
        return editedRoles;
    }

    public void setEditedRoles(List<String> editedRoles) {
        this.editedRoles = editedRoles;
    }

    public TemporaryPassword getHandedOver() {
        return handedOver;
    }
}
