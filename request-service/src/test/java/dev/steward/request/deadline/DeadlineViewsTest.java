package dev.steward.request.deadline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.platform.testing.Tokens;
import dev.steward.request.Api;
import dev.steward.platform.testing.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Due dates, the one extension, acknowledgement, overdue and due-soon views, and their gauges. */
@QuarkusTest
class DeadlineViewsTest {

    @Inject
    MovableClock clock;

    private final String officer = Tokens.officer("olivia");

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String complaint(String sub, String jurisdiction) {
        return Api.submitted(Tokens.customer(sub), Map.of("type", "COMPLAINT", "description", "late answer",
                "jurisdiction", jurisdiction));
    }

    @Test
    void dueDatesAndOneExtensionPerJurisdiction() {
        String gdpr = complaint("dl-gdpr", "GDPR");
        JsonPath g = Api.get(officer, gdpr);
        Instant received = Instant.parse(g.getString("receivedAt"));
        assertEquals(received.plus(Duration.ofDays(30)), Instant.parse(g.getString("dueAt")));
        assertEquals(29, g.getLong("daysLeft"));
        assertNull(g.get("acknowledgement.dueAt"), "no acknowledgement deadline under GDPR");

        Api.action(officer, gdpr, "extend", Map.of("reason", "complex", "days", 61)).then().statusCode(422);
        Api.action(officer, gdpr, "extend", Map.of("days", 10)).then().statusCode(400);
        Api.action(officer, gdpr, "extend", Map.of("reason", "complex and numerous requests")).then().statusCode(200);
        JsonPath extended = Api.get(officer, gdpr);
        assertEquals(received.plus(Duration.ofDays(90)), Instant.parse(extended.getString("dueAt")));
        assertEquals(60, extended.getInt("extension.days"));
        assertEquals(received.plus(Duration.ofDays(30)), Instant.parse(extended.getString("originalDueAt")));
        assertTrue(extended.getString("events[-1].note").startsWith("deadline extended by 60 days"));
        Api.action(officer, gdpr, "extend", Map.of("reason", "again", "days", 1)).then().statusCode(409);

        String ccpa = complaint("dl-ccpa", "CCPA");
        JsonPath c = Api.get(officer, ccpa);
        Instant cReceived = Instant.parse(c.getString("receivedAt"));
        assertEquals(cReceived.plus(Duration.ofDays(45)), Instant.parse(c.getString("dueAt")));
        assertEquals(Deadlines.plusBusinessDays(cReceived, 10), Instant.parse(c.getString("acknowledgement.dueAt")));
        assertTrue(c.getBoolean("acknowledgement.onTime"));
        Api.action(officer, ccpa, "extend", Map.of("reason", "r", "days", 46)).then().statusCode(422);
        Api.action(officer, ccpa, "extend", Map.of("reason", "needs records from archive", "days", 30)).then().statusCode(200);
        assertEquals(cReceived.plus(Duration.ofDays(75)), Instant.parse(Api.get(officer, ccpa).getString("dueAt")));

        String dflt = Api.submitted(Tokens.customer("dl-default"), Map.of("type", "COMPLAINT", "description", "d"));
        JsonPath d = Api.get(officer, dflt);
        assertEquals("DEFAULT", d.getString("jurisdiction"));
        assertEquals(Instant.parse(d.getString("receivedAt")).plus(Duration.ofDays(30)), Instant.parse(d.getString("dueAt")));
    }

    @Test
    void overdueAndDueSoonViewsAndGauges() {
        String soon = complaint("dl-soon", "GDPR");
        String late = complaint("dl-late", "GDPR");
        String answered = complaint("dl-done", "GDPR");
        Api.action(officer, answered, "resolve", Map.of("resolution", "fixed")).then().statusCode(200);
        Api.action(officer, late, "extend", Map.of("reason", "x", "days", 1)).then().statusCode(200); // due day 31

        clock.advance(Duration.ofDays(25)); // soon: 5 days left; late: 6 days left
        assertTrue(ids("due-soon").containsAll(List.of(soon, late)));
        assertTrue(!ids("overdue").contains(soon));

        clock.advance(Duration.ofDays(5).plusHours(12)); // soon is overdue by half a day, late is due in 12 hours
        List<String> overdue = ids("overdue");
        assertTrue(overdue.contains(soon));
        assertTrue(!overdue.contains(late) && !overdue.contains(answered));
        assertTrue(ids("due-soon").contains(late));
        JsonPath s = Api.get(officer, soon);
        assertEquals(-1, s.getLong("daysLeft"));
        assertTrue(s.getBoolean("overdue"));

        // the customer's own view shows only their own overdue request
        given().auth().oauth2(Tokens.customer("dl-soon")).queryParam("view", "overdue").when().get("/requests").then()
                .statusCode(200).body("items.id", hasItem(soon)).body("items.id", not(hasItem(late)));
        given().auth().oauth2(officer).queryParam("view", "sideways").when().get("/requests").then().statusCode(400);

        String metrics = given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("steward_requests_overdue")).body(containsString("steward_requests_due_soon"))
                .extract().asString();
        assertTrue(gauge(metrics, "steward_requests_overdue") >= 1);
        assertTrue(gauge(metrics, "steward_requests_due_soon") >= 1);
    }

    @Test
    void viewsPage() {
        for (int i = 0; i < 3; i++) {
            complaint("dl-page-" + i, "GDPR");
        }
        clock.advance(Duration.ofDays(40));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var spec = given().auth().oauth2(officer).queryParam("view", "overdue").queryParam("limit", 2);
            if (cursor != null) {
                spec = spec.queryParam("cursor", cursor);
            }
            JsonPath page = spec.when().get("/requests").then().statusCode(200).extract().jsonPath();
            List<String> items = page.getList("items.id");
            assertTrue(items.size() <= 2);
            seen.addAll(items);
            cursor = page.getString("next");
            pages++;
        } while (cursor != null && pages < 500);
        assertEquals(seen.size(), seen.stream().distinct().count(), "no request twice");
        assertTrue(seen.size() >= 3 && pages >= 2);
        given().auth().oauth2(officer).queryParam("limit", 501).when().get("/requests").then().statusCode(400);
    }

    private List<String> ids(String view) {
        return given().auth().oauth2(officer).queryParam("view", view).queryParam("limit", 500).when().get("/requests")
                .then().statusCode(200).extract().path("items.id");
    }

    private static double gauge(String metrics, String name) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        assertNotNull(null, name + " missing");
        return -1;
    }
}
