package bank.teller.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.Callable;

/**
 * Where the tools find Teller, from system properties: {@code base} (the API root), {@code user},
 * {@code password} and {@code totp} (the user's TOTP secret; defaults: the demo teller of the
 * README), and the database the checker reads ({@code jdbc}, {@code jdbc.user}, {@code jdbc.password}).
 * Only loopback addresses are targets.
 */
final class Target {

    private Target() {
    }

    static Api api() {
        String base = System.getProperty("base", "https://localhost:8443/teller/api/v1");
        return new Api(base, Api.signingIn(base, System.getProperty("user", "teller1"),
                System.getProperty("password", "Teller1!Demo"),
                System.getProperty("totp", "ORSWY3DFOIYSAZDFNVXSA5DPNNSW4LRO")));
    }

    static Callable<Connection> database() {
        String url = System.getProperty("jdbc");
        return url == null ? null : () -> DriverManager.getConnection(url, System.getProperty("jdbc.user"),
                System.getProperty("jdbc.password"));
    }
}
