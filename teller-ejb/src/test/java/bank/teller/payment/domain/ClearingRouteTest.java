package bank.teller.payment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bank.teller.payment.domain.ClearingRoute.Route;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which clearing route a wire takes: urgent or above the bulk limit by the large-value system, in its hours. */
class ClearingRouteTest {

    private static final Map<Route, ClearingRoute> ROUTES = Map.of(
            Route.LARGE_VALUE, new ClearingRoute(Route.LARGE_VALUE, LocalTime.of(8, 30), LocalTime.of(17, 0),
                    Money.cny("100000000.00")),
            Route.BULK, new ClearingRoute(Route.BULK, LocalTime.MIN, LocalTime.of(23, 59, 59), Money.cny("50000.00")));
    private static final LocalTime MORNING = LocalTime.of(10, 0);

    @Test
    void aNormalWireUpToTheBulkLimitGoesBulkAnUrgentOrLargerOneLargeValue() {
        assertEquals(Route.BULK, route("50000.00", false, MORNING));
        assertEquals(Route.LARGE_VALUE, route("50000.01", false, MORNING));
        assertEquals(Route.LARGE_VALUE, route("100.00", true, MORNING));
    }

    @Test
    void theLargeValueSystemTakesPaymentsInItsHoursOnlyTheBulkSystemAroundTheClock() {
        assertEquals(Route.BULK, route("100.00", false, LocalTime.of(22, 0)));
        assertEquals(Route.LARGE_VALUE, route("100.00", true, LocalTime.of(8, 30)));
        assertEquals(Route.LARGE_VALUE, route("100.00", true, LocalTime.of(17, 0)));
        assertEquals(ErrorCode.WIRE_ROUTE_CLOSED, refused("100.00", true, LocalTime.of(17, 0, 1)));
        assertEquals(ErrorCode.WIRE_ROUTE_CLOSED, refused("60000.00", false, LocalTime.of(8, 0)));
    }

    @Test
    void aWireAboveTheLargeValueLimitIsRefused() {
        assertEquals(Route.LARGE_VALUE, route("100000000.00", false, MORNING));
        assertEquals(ErrorCode.WIRE_OVER_ROUTE_LIMIT, refused("100000000.01", false, MORNING));
    }

    private static Route route(String amount, boolean urgent, LocalTime at) {
        return ClearingRoute.choose(Money.cny(amount), urgent, at, ROUTES).route();
    }

    private static ErrorCode refused(String amount, boolean urgent, LocalTime at) {
        return assertThrows(TellerException.class, () -> route(amount, urgent, at)).code();
    }
}
