package bank.teller.payment.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import java.time.LocalTime;
import java.util.Map;
import java.util.Objects;

/**
 * A route of the clearing system as reference data: the large-value system (大额) or the bulk system
 * (小额), the hours it takes payments and the most one payment may be (null: no limit).
 */
public record ClearingRoute(Route route, LocalTime opensAt, LocalTime cutOff, Money maxAmount) {

    public enum Route {
        LARGE_VALUE, BULK
    }

    public ClearingRoute {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(cutOff, "cutOff");
    }

    /**
     * The route a wire of {@code amount} takes at {@code now} (the bank's local time): the
     * large-value system when it is urgent or above the bulk system's limit, else the bulk system.
     * Refused when the amount is above the route's limit (WIRE_OVER_ROUTE_LIMIT) or the route is
     * closed at that hour (WIRE_ROUTE_CLOSED).
     */
    public static ClearingRoute choose(Money amount, boolean urgent, LocalTime now, Map<Route, ClearingRoute> routes) {
        ClearingRoute bulk = routes.get(Route.BULK);
        boolean large = urgent || bulk == null || bulk.above(amount);
        ClearingRoute route = routes.get(large ? Route.LARGE_VALUE : Route.BULK);
        if (route == null) {
            throw new IllegalStateException("no clearing route " + (large ? Route.LARGE_VALUE : Route.BULK));
        }
        if (route.above(amount)) {
            throw new TellerException(ErrorCode.WIRE_OVER_ROUTE_LIMIT, amount, route.route(), route.maxAmount());
        }
        if (now.isBefore(route.opensAt) || now.isAfter(route.cutOff)) {
            throw new TellerException(ErrorCode.WIRE_ROUTE_CLOSED, route.route(), route.opensAt, route.cutOff);
        }
        return route;
    }

    private boolean above(Money amount) {
        return maxAmount != null && amount.compareTo(maxAmount) > 0;
    }
}
