package bank.teller.it;

import bank.teller.security.Roles;
import bank.teller.security.SecretConverter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh users (of branch 0001 or a branch of their own), each with a till of their own, for tests that open and close tills. */
public final class TestUsers {

    /** The password of every test user; the hash below is its bcrypt. */
    public static final String PASSWORD = "Till1!Test";
    /** Every test user's TOTP secret (Base32), enrolled already (stored encrypted, as the application stores it). */
    public static final String TOTP_SECRET = "KRSXG5CVONSXEICUN5VWK3RAKRSXG5BO";
    private static final String HASH = "$2a$10$hIRShEpKXh9hhE50m8TNauJInFGZajmUKTc5uw1IpxV3XLGmTtCJ2";
    private static final String CHARACTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    private TestUsers() {
    }

    /** A new user of branch 0001 with {@code roles} and an unused till code; returns the username. */
    public static String create(String... roles) throws Exception {
        return createIn("0001", roles);
    }

    /** A new branch of its own (code 8 and three digits), for tests that close a branch's day. */
    public static String branch() throws Exception {
        String code;
        do {
            code = "8" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        } while (Sql.count("SELECT COUNT(*) FROM branch WHERE code = ?", code) > 0);
        Sql.update("INSERT INTO branch (code, name_zh, name_en) VALUES (?, ?, ?)", code, "测试网点 " + code, "Test branch " + code);
        return code;
    }

    /** A new user of {@code branch} with {@code roles} and an unused till code; returns the username. */
    public static String createIn(String branch, String... roles) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String till;
        do {
            till = "T" + CHARACTERS.charAt(random.nextInt(CHARACTERS.length()))
                    + CHARACTERS.charAt(random.nextInt(CHARACTERS.length()));
        } while (Sql.count("SELECT COUNT(*) FROM app_user WHERE till_code = ?", till) > 0);
        String username = "t" + Long.toString(System.nanoTime(), 36);
        Sql.update("INSERT INTO app_user (username, password_hash, display_name, branch_code, enabled, till_code, "
                + "totp_secret, password_changed_at) VALUES (?, ?, ?, ?, TRUE, ?, ?, CURRENT_TIMESTAMP)",
                username, HASH, "测试 " + username, branch, till, new SecretConverter().convertToDatabaseColumn(TOTP_SECRET));
        for (String role : Roles.withImplied(List.of(roles))) {
            Sql.update("INSERT INTO app_user_role (username, role_name) VALUES (?, ?)", username, role);
        }
        return username;
    }
}
