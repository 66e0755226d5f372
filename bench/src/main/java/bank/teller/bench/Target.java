package bank.teller.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
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
        return new Api(base(), Api.signingIn(base(), System.getProperty("user", "teller1"), password(), totp()));
    }

    /** The demo supervisor (super1, or -Dsupervisor, -Dsupervisor.password, -Dsupervisor.totp), signed in. */
    static Api supervisor() {
        return new Api(base(), Api.signingIn(base(), System.getProperty("supervisor", "super1"),
                System.getProperty("supervisor.password", "Super1!Demo"),
                System.getProperty("supervisor.totp", "ON2XAZLSGEQGIZLNN4QHI33LMVXC4LRO")));
    }

    /** {@code count} more tellers, each signed in with a till of their own (needs {@code jdbc}). */
    static List<Api> tellers(int count) throws Exception {
        Callable<Connection> database = database();
        if (database == null) {
            throw new IllegalStateException("bench tellers are made in the database: set -Djdbc");
        }
        return Fixtures.tellers(database, base(), password(), totp(), count);
    }

    private static String base() {
        return System.getProperty("base", "https://localhost:8443/teller/api/v1");
    }

    private static String password() {
        return System.getProperty("password", "Teller1!Demo");
    }

    private static String totp() {
        return System.getProperty("totp", "ORSWY3DFOIYSAZDFNVXSA5DPNNSW4LRO");
    }

    static Callable<Connection> database() {
        String url = System.getProperty("jdbc");
        return url == null ? null : () -> DriverManager.getConnection(url, System.getProperty("jdbc.user"),
                System.getProperty("jdbc.password"));
    }
}
