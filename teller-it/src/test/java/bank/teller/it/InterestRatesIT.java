package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Interest rates (issue 15): an administrator adds a future rate, staff read the table, and a
 * rate that would rewrite accrued days or contradict one already entered is refused.
 */
@ExtendWith(ArquillianExtension.class)
class InterestRatesIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("interest-rates-it", InterestRatesIT.class, Https.class, Tokens.class);
    }

    @Test
    void anAdministratorAddsAFutureRateAndEveryMemberOfStaffReadsTheTable() throws Exception {
        String admin = TestUsers.create("ADMIN");
        String teller = TestUsers.create("TELLER");
        String from = Sql.businessDate().plusYears(5).withDayOfMonth(1).toString();
        String body = "{\"product\":\"DEMAND\",\"effectiveFrom\":\"" + from + "\",\"ratePercent\":\"0.25\"}";
        long added = audited(from);

        HttpResponse<String> created = Https.postJson("/api/v1/interest-rates", admin, TestUsers.PASSWORD, null, body);
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"ratePercent\":\"0.2500\""), created.body());
        HttpResponse<String> again = Https.postJson("/api/v1/interest-rates", admin, TestUsers.PASSWORD, null, body);
        assertEquals(201, again.statusCode(), again.body());
        assertEquals(added + 1, audited(from), "added once, and the same rate again changed nothing");
        assertEquals(0, new java.math.BigDecimal("0.0025").compareTo(
                Sql.scalar("SELECT annual_rate FROM interest_rate WHERE product = 'DEMAND' AND effective_from = ?",
                        LocalDate.parse(from))));

        HttpResponse<String> table = Https.get("/api/v1/interest-rates?product=DEMAND", teller, TestUsers.PASSWORD);
        assertEquals(200, table.statusCode(), table.body());
        assertTrue(table.body().contains("{\"effectiveFrom\":\"2015-10-24\",\"product\":\"DEMAND\",\"ratePercent\":\"0.3500\"}")
                && table.body().contains(from), table.body());
        assertTrue(table.body().indexOf("2015-10-24") < table.body().indexOf(from), "in date order: " + table.body());
    }

    @Test
    void aRateThatWouldRewriteHistoryOrContradictsAnotherIsRefusedAndChangesNothing() throws Exception {
        String admin = TestUsers.create("ADMIN");
        String teller = TestUsers.create("TELLER");
        long rates = Sql.count("SELECT COUNT(*) FROM interest_rate");
        LocalDate today = Sql.businessDate();
        String future = today.plusYears(6).withDayOfMonth(1).toString();

        assertRefused(admin, "{\"product\":\"DEMAND\",\"effectiveFrom\":\"" + today + "\",\"ratePercent\":\"0.30\"}",
                409, "RATE_DATE_PAST");
        assertRefused(admin, "{\"product\":\"DEMAND\",\"effectiveFrom\":\"2015-10-24\",\"ratePercent\":\"0.30\"}",
                409, "RATE_DATE_TAKEN");
        assertRefused(admin, "{\"product\":\"DEMAND\",\"effectiveFrom\":\"" + future + "\",\"ratePercent\":\"-0.10\"}",
                400, "RATE_INVALID");
        assertRefused(admin, "{\"product\":\"DEMAND\",\"effectiveFrom\":\"" + future + "\",\"ratePercent\":\"0.123456\"}",
                400, "VALIDATION_FAILED");
        assertRefused(admin, "{\"product\":\"DEMAND\",\"effectiveFrom\":\"" + future + "\",\"ratePercent\":\"abc\"}",
                400, "VALIDATION_FAILED");
        assertRefused(admin, "{\"product\":\"TIME_9Y\",\"effectiveFrom\":\"" + future + "\",\"ratePercent\":\"1.00\"}",
                400, "VALIDATION_FAILED");
        assertRefused(admin, "{\"product\":\"DEMAND\",\"effectiveFrom\":\"soon\",\"ratePercent\":\"1.00\"}",
                400, "VALIDATION_FAILED");
        assertEquals(403, Https.postJson("/api/v1/interest-rates", teller, TestUsers.PASSWORD, null,
                "{\"product\":\"DEMAND\",\"effectiveFrom\":\"" + future + "\",\"ratePercent\":\"0.30\"}").statusCode());
        assertEquals(rates, Sql.count("SELECT COUNT(*) FROM interest_rate"), "nothing added");
    }

    private static void assertRefused(String admin, String body, int status, String code) throws Exception {
        HttpResponse<String> refused = Https.postJson("/api/v1/interest-rates", admin, TestUsers.PASSWORD, null, body);
        assertEquals(status, refused.statusCode(), body + " → " + refused.body());
        assertTrue(refused.body().contains(code), body + " → " + refused.body());
    }

    private static long audited(String from) throws Exception {
        return Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = 'INTEREST_RATE_ADDED' AND subject = ?",
                "rate:DEMAND:" + from);
    }
}
