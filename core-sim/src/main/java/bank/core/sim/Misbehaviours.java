package bank.core.sim;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What the core system is told to do wrong (for the tests and a demonstration), each once, to the
 * next posting that touches the named account: DROP (never booked, never acknowledged), WRONG_AMOUNT
 * (booked with its first line's amount one fen more), TWICE (booked twice, under two references),
 * LATE (booked, acknowledged {@value #LATE_MILLIS} ms later).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Misbehaviours {

    public enum Kind { DROP, WRONG_AMOUNT, TWICE, LATE }

    static final long LATE_MILLIS = 5_000;

    private record Order(String account, Kind kind) {
    }

    private final List<Order> orders = new ArrayList<>();

    public synchronized void order(String account, Kind kind) {
        orders.add(new Order(account, kind));
    }

    /** The misbehaviour ordered for this posting (taken: it happens once), or null. */
    public synchronized Kind take(JsonObject posting) {
        for (Iterator<Order> it = orders.iterator(); it.hasNext(); ) {
            Order order = it.next();
            if (touches(posting, order.account())) {
                it.remove();
                return order.kind();
            }
        }
        return null;
    }

    private static boolean touches(JsonObject posting, String account) {
        for (JsonValue line : posting.getJsonArray("lines")) {
            if (account.equals(line.asJsonObject().getString("accountNumber", null))) {
                return true;
            }
        }
        return false;
    }
}
