package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The working calendar (issue 15): an administrator enters a year's holidays and make-up working
 * days through the API, every member of staff reads the business days it leaves, and a wrong
 * entry is refused with its reason and changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
class CalendarIT {

    private static final String SPRING_FESTIVAL = "{\"days\":["
            + "{\"date\":\"2098-01-01\",\"kind\":\"HOLIDAY\",\"name\":\"元旦\"},"
            + "{\"date\":\"2098-02-01\",\"kind\":\"WORKDAY\",\"name\":\"春节调休\"},"
            + "{\"date\":\"2098-02-03\",\"kind\":\"HOLIDAY\",\"name\":\"春节\"},"
            + "{\"date\":\"2098-02-04\",\"kind\":\"HOLIDAY\",\"name\":\"春节\"},"
            + "{\"date\":\"2098-02-05\",\"kind\":\"HOLIDAY\",\"name\":\"春节\"},"
            + "{\"date\":\"2098-02-06\",\"kind\":\"HOLIDAY\",\"name\":\"春节\"},"
            + "{\"date\":\"2098-02-07\",\"kind\":\"HOLIDAY\",\"name\":\"春节\"}]}";

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("calendar-it", CalendarIT.class, Https.class, Tokens.class);
    }

    @Test
    void anAdministratorEntersAYearAndEveryMemberOfStaffReadsItsBusinessDays() throws Exception {
        String admin = TestUsers.create("ADMIN");
        String teller = TestUsers.create("TELLER");
        assertEquals(200, Https.putJson("/api/v1/calendar/2098", admin, TestUsers.PASSWORD, "{\"days\":[]}").statusCode());
        long entered = audited();

        HttpResponse<String> put = Https.putJson("/api/v1/calendar/2098", admin, TestUsers.PASSWORD, SPRING_FESTIVAL);
        assertEquals(200, put.statusCode(), put.body());
        assertEquals(256, json(put).getInt("businessDays"), "the answer is the year as entered: " + put.body());
        assertEquals(entered + 1, audited(), "entering the year is in the audit trail");
        assertEquals(200, Https.putJson("/api/v1/calendar/2098", admin, TestUsers.PASSWORD, SPRING_FESTIVAL).statusCode());
        assertEquals(entered + 1, audited(), "the same year again changes nothing");

        JsonObject year = json(Https.get("/api/v1/calendar/2098", teller, TestUsers.PASSWORD));
        assertEquals(7, year.getJsonArray("days").size(), year.toString());
        // 261 weekdays in 2098, less the six holidays on weekdays, plus the make-up Saturday
        assertEquals(256, year.getInt("businessDays"), year.toString());
        assertEquals(109, year.getInt("closedDays"), year.toString());

        JsonObject holiday = json(Https.get("/api/v1/calendar/dates/2098-02-05", teller, TestUsers.PASSWORD));
        assertEquals(false, holiday.getBoolean("businessDay"));
        assertEquals("春节", holiday.getString("name"));
        assertEquals("2098-02-01", holiday.getString("previousBusinessDay"), "the make-up Saturday");
        assertEquals("2098-02-10", holiday.getString("nextBusinessDay"), "over the holidays and the weekend");
        JsonObject makeUp = json(Https.get("/api/v1/calendar/dates/2098-02-01", teller, TestUsers.PASSWORD));
        assertEquals(true, makeUp.getBoolean("businessDay"));
        assertEquals("WORKDAY", makeUp.getString("kind"));
        assertEquals("2098-01-31", makeUp.getString("previousBusinessDay"));
    }

    @Test
    void aWrongEntryIsRefusedWithItsReasonAndChangesNothing() throws Exception {
        String admin = TestUsers.create("ADMIN");
        String teller = TestUsers.create("TELLER");
        String before = Https.get("/api/v1/calendar/2097", admin, TestUsers.PASSWORD).body();

        assertRefused(admin, "/api/v1/calendar/2097", "{\"days\":[{\"date\":\"2097-01-04\",\"kind\":\"WORKDAY\",\"name\":\"周五\"}]}",
                400, "CALENDAR_WORKDAY_NOT_WEEKEND");
        assertRefused(admin, "/api/v1/calendar/2097", "{\"days\":[{\"date\":\"2096-12-25\",\"kind\":\"HOLIDAY\",\"name\":\"节日\"}]}",
                400, "CALENDAR_DAY_OUTSIDE_YEAR");
        assertRefused(admin, "/api/v1/calendar/2097", "{\"days\":[{\"date\":\"2097-05-01\",\"kind\":\"HOLIDAY\",\"name\":\"劳动节\"},"
                + "{\"date\":\"2097-05-01\",\"kind\":\"HOLIDAY\",\"name\":\"劳动节\"}]}", 400, "CALENDAR_DAY_TWICE");
        assertRefused(admin, "/api/v1/calendar/2097", "{\"days\":[{\"date\":\"2097-05-01\",\"kind\":\"HALFDAY\",\"name\":\"劳动节\"}]}",
                400, "VALIDATION_FAILED");
        assertRefused(admin, "/api/v1/calendar/2097", "{\"days\":[{\"date\":\"2097-5-1\",\"kind\":\"HOLIDAY\",\"name\":\"劳动节\"}]}",
                400, "VALIDATION_FAILED");
        assertRefused(admin, "/api/v1/calendar/2097", "{\"days\":[{\"date\":\"2097-05-01\",\"kind\":\"HOLIDAY\",\"name\":\"\"}]}",
                400, "TEXT_INVALID");
        assertRefused(admin, "/api/v1/calendar/2097", "{}", 400, "VALIDATION_FAILED");
        assertEquals(403, Https.putJson("/api/v1/calendar/2097", teller, TestUsers.PASSWORD,
                "{\"days\":[{\"date\":\"2097-05-01\",\"kind\":\"HOLIDAY\",\"name\":\"劳动节\"}]}").statusCode());
        assertEquals(before, Https.get("/api/v1/calendar/2097", admin, TestUsers.PASSWORD).body(), "nothing changed");

        LocalDate today = Sql.businessDate();
        assertRefused(admin, "/api/v1/calendar/" + today.getYear(), "{\"days\":[{\"date\":\"" + today
                + "\",\"kind\":\"HOLIDAY\",\"name\":\"补假\"}]}", 409, "CALENDAR_DAY_PAST");
        HttpResponse<String> early = Https.get("/api/v1/calendar/1999", teller, TestUsers.PASSWORD);
        assertEquals(400, early.statusCode(), early.body());
        assertTrue(early.body().contains("CALENDAR_YEAR_INVALID"), early.body());
        HttpResponse<String> noDate = Https.get("/api/v1/calendar/dates/2097-02-30", teller, TestUsers.PASSWORD);
        assertEquals(400, noDate.statusCode(), noDate.body());
    }

    private static void assertRefused(String user, String path, String body, int status, String code) throws Exception {
        HttpResponse<String> refused = Https.putJson(path, user, TestUsers.PASSWORD, body);
        assertEquals(status, refused.statusCode(), body + " → " + refused.body());
        assertTrue(refused.body().contains(code), body + " → " + refused.body());
    }

    private static long audited() throws Exception {
        return Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = 'CALENDAR_ENTERED' AND subject = 'calendar:2098'");
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
