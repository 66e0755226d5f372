package bank.teller.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mindrot.jbcrypt.BCrypt;

/** A user of the counter. The password is only ever a bcrypt hash (modular crypt form). */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    @Column(name = "username", length = 40)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Column(name = "display_name", nullable = false, length = 60)
    private String displayName;

    @Column(name = "branch_code", nullable = false, length = 4)
    private String branchCode;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    /** The teller's cash drawer (尾箱); null for users who handle no cash and print no vouchers. */
    @Column(name = "till_code", length = 3)
    private String tillCode;

    protected AppUser() {
    }

    public AppUser(String username, String passwordHash, String displayName, String branchCode) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.branchCode = branchCode;
        this.enabled = true;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String branchCode() {
        return branchCode;
    }

    /** Whether {@code password} is this user's (bcrypt); for a supervisor approving on another user's screen. */
    public boolean passwordMatches(String password) {
        return enabled && BCrypt.checkpw(password, passwordHash);
    }

    public String tillCode() {
        return tillCode;
    }

    public void assignTill(String tillCode) {
        this.tillCode = tillCode;
    }
}
