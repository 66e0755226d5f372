package bank.teller.bench;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/** Customers and accounts for a workload, made through the API as a teller makes them. */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * A new individual (verified by the identity simulator, then registered) with a class-I account
     * and an opening cash deposit of {@code openingAmount} (keep it under the 50,000.00 that needs
     * approval); returns the account number.
     */
    public static String classOneAccount(Api api, HttpClient http, String name, String openingAmount) throws Exception {
        Api.Answer opened = api.post(http, "/accounts", key(), "{\"customerId\":" + newCustomer(api, http, name)
                + ",\"accountType\":\"INDIVIDUAL_I\"}");
        require(opened, 201, "open an account");
        String number = opened.json().getString("accountNumber");
        require(api.post(http, "/cash-deposits", key(), "{\"accountNumber\":\"" + number + "\",\"amount\":\""
                + openingAmount + "\"}"), 201, "make the opening deposit");
        return number;
    }

    /**
     * A new company (verified by its unified social credit code, then registered) with its basic
     * account (基本存款账户); returns the account number.
     */
    /** A supervisor marks {@code account} hot (热点账户): its credits no longer queue on its balance row. */
    public static void markHot(Api supervisor, HttpClient http, String account) throws Exception {
        require(supervisor.put(http, "/accounts/" + account + "/hot", "{\"hot\":true,\"reason\":\"压测 bench\"}"),
                200, "mark an account hot");
    }

    public static String corporateBasicAccount(Api api, HttpClient http, String name) throws Exception {
        String code = creditCode();
        Api.Answer verified = api.post(http, "/customers/verifications", key(),
                "{\"idType\":\"CREDIT_CODE\",\"idNumber\":\"" + code + "\",\"name\":\"" + name + "\"}");
        require(verified, 201, "verify a company");
        Api.Answer registered = api.post(http, "/customers/corporates", key(), "{\"verificationId\":"
                + verified.json().getJsonNumber("id").longValue() + ",\"name\":\"" + name + "\",\"creditCode\":\"" + code
                + "\",\"legalRepresentative\":\"法人代表\",\"registeredAddress\":\"北京市海淀区中关村大街1号\","
                + "\"contactName\":\"联系人\",\"contactPhone\":\"010-12345678\"}");
        require(registered, 201, "register a company");
        Api.Answer opened = api.post(http, "/accounts", key(), "{\"customerId\":"
                + registered.json().getJsonNumber("id").longValue() + ",\"accountType\":\"CORPORATE_BASIC\"}");
        require(opened, 201, "open a basic account");
        return opened.json().getString("accountNumber");
    }

    /**
     * {@code count} tellers of the demo teller's branch, bench01, bench02 …, each signed in (with the
     * demo teller's password and token, copied in the database as a bank's test team seeds a test
     * environment: users are enrolled on the sign-in page, which a load tool does not drive) and with
     * a till of their own (B01, B02 …) opened for the day through the API. Made once per database.
     */
    public static List<Api> tellers(Callable<Connection> database, String base, String password, String totpSecret,
                                    int count) throws Exception {
        if (count > 99) {
            throw new IllegalArgumentException("at most 99 bench tellers (till codes B01 … B99)");
        }
        List<Api> tellers = new ArrayList<>();
        try (Connection connection = database.call()) {
            for (int i = 1; i <= count; i++) {
                String username = String.format("bench%02d", i);
                try (PreparedStatement user = connection.prepareStatement("INSERT INTO app_user (username, "
                        + "password_hash, display_name, branch_code, enabled, till_code, totp_secret, password_changed_at) "
                        + "SELECT ?, password_hash, ?, branch_code, TRUE, ?, totp_secret, CURRENT_TIMESTAMP "
                        + "FROM app_user WHERE username = 'teller1' ON CONFLICT (username) DO NOTHING");
                     PreparedStatement roles = connection.prepareStatement("INSERT INTO app_user_role (username, "
                             + "role_name) SELECT ?, role_name FROM app_user_role WHERE username = 'teller1' "
                             + "ON CONFLICT DO NOTHING")) {
                    user.setString(1, username);
                    user.setString(2, "压测柜员 " + i);
                    user.setString(3, String.format("B%02d", i));
                    if (user.executeUpdate() == 1) {
                        roles.setString(1, username);
                        roles.executeUpdate();
                    }
                }
                tellers.add(new Api(base, Api.signingIn(base, username, password, totpSecret)));
            }
        }
        HttpClient http = Api.client();
        for (Api teller : tellers) {
            Api.Answer opened = teller.post(http, "/tills/sessions", key(), "{}");
            if (opened.status() != 201 && !"TILL_ALREADY_OPEN".equals(opened.code())) {
                throw new IllegalStateException("cannot open a bench till: " + opened.status() + " " + opened.body());
            }
        }
        return tellers;
    }

    /** Verifies and registers a new individual; returns the customer id. */
    static long newCustomer(Api api, HttpClient http, String name) throws Exception {
        for (int attempt = 1; ; attempt++) {
            String residentId = residentId();
            Api.Answer verified = api.post(http, "/customers/verifications", key(),
                    "{\"idType\":\"RESIDENT_ID\",\"idNumber\":\"" + residentId + "\",\"name\":\"" + name + "\"}");
            require(verified, 201, "verify a customer");
            Api.Answer registered = api.post(http, "/customers/individuals", key(), "{\"verificationId\":"
                    + verified.json().getJsonNumber("id").longValue() + ",\"name\":\"" + name + "\",\"residentId\":\""
                    + residentId + "\",\"phone\":\"13800138000\",\"address\":\"北京市西城区金融大街1号\"}");
            // a random ID number can be one drawn before (about 1 in 80,000 per customer): draw again
            if (attempt < 3 && "CUSTOMER_ALREADY_EXISTS".equals(registered.code())) {
                continue;
            }
            require(registered, 201, "register a customer");
            return registered.json().getJsonNumber("id").longValue();
        }
    }

    static String key() {
        return "fixture-" + UUID.randomUUID();
    }

    static void require(Api.Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException("cannot " + what + ": " + answer.status() + " " + answer.body());
        }
    }

    private static final String CREDIT_CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** A random unified social credit code (GB 32100 check character) of a Beijing company. */
    static String creditCode() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder code = new StringBuilder("91110105");
        while (code.length() < 17) {
            code.append(CREDIT_CODE_CHARACTERS.charAt(random.nextInt(CREDIT_CODE_CHARACTERS.length())));
        }
        if (code.substring(14, 17).equals("999")) {
            code.setCharAt(16, '8'); // "not found" to the simulator
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CODE_CHARACTERS.indexOf(code.charAt(i)) * CREDIT_CODE_WEIGHTS[i];
        }
        return code.append(CREDIT_CODE_CHARACTERS.charAt((31 - sum % 31) % 31)).toString();
    }

    /** A valid resident ID number (GB 11643 check character) of Beijing Chaoyang, born 1950-1999. */
    static String residentId() {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String body = "110105" + (1950 + random.nextInt(50)) + String.format("%02d%02d%03d",
                1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(999)); // 999: "not found" to the simulator
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
