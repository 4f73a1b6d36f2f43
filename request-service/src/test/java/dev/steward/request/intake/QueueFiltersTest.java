package dev.steward.request.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.steward.platform.testing.MovableClock;
import dev.steward.platform.testing.Tokens;
import dev.steward.request.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** C1: the queue's filters and sorts on GET /requests, keyset cursors per list, 400s naming the parameter, scoping. */
@QuarkusTest
class QueueFiltersTest {

    @Inject
    MovableClock clock;

    private final String officer = Tokens.officer("queue-officer");

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static JsonPath list(String token, Map<String, Object> query) {
        return given().auth().oauth2(token).queryParams(query).when().get("/requests")
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<String> ids(String token, Map<String, Object> query) {
        return list(token, query).getList("items.id");
    }

    /** Every page of a list, following cursors 2 at a time. */
    private static List<String> allPages(String token, Map<String, Object> query) {
        List<String> out = new ArrayList<>();
        Map<String, Object> q = new HashMap<>(query);
        q.put("limit", 2);
        while (true) {
            JsonPath page = list(token, q);
            out.addAll(page.getList("items.id"));
            String next = page.getString("next");
            if (next == null) {
                return out;
            }
            q.put("cursor", next);
        }
    }

    @Test
    void filtersByTypeJurisdictionDaysSubjectAndOrgAndSortsFourWays() {
        String sub = "queue-a";
        String customer = Tokens.customer(sub);
        Instant day1 = LocalDate.now(ZoneOffset.UTC).minusDays(20).atTime(23, 30).toInstant(ZoneOffset.UTC);
        clock.advance(Duration.between(Instant.now(), day1));
        String c1 = Api.submitted(customer, Map.of("type", "COMPLAINT", "description", "a", "jurisdiction", "GDPR")); // due +30d
        clock.advance(Duration.ofHours(1)); // the next day, 00:30
        String e2 = Api.submitted(customer, Map.of("type", "ERASURE", "jurisdiction", "CCPA")); // due +45d
        clock.advance(Duration.ofDays(1));
        String c3 = Api.submitted(customer, Map.of("type", "COMPLAINT", "description", "b", "jurisdiction", "DEFAULT")); // +30d
        clock.advance(Duration.ofDays(1));
        String e4 = Api.submitted(customer, Map.of("type", "ERASURE", "jurisdiction", "GDPR")); // +30d
        clock.reset();

        Map<String, Object> mine = Map.of("subjectId", sub);
        assertEquals(List.of(e4, c3, e2, c1), ids(officer, mine), "newest first by default");
        assertEquals(List.of(c1, e2, c3, e4), ids(officer, with(mine, "sort", "received")));
        assertEquals(List.of(e4, c3, e2, c1), ids(officer, with(mine, "sort", "-received")));
        assertEquals(List.of(c1, c3, e4, e2), ids(officer, with(mine, "sort", "due")), "soonest due first");
        assertEquals(List.of(e2, e4, c3, c1), ids(officer, with(mine, "sort", "-due")));
        for (String sort : List.of("received", "-received", "due", "-due")) {
            assertEquals(ids(officer, with(mine, "sort", sort)), allPages(officer, with(mine, "sort", sort)),
                    "keyset pages of sort " + sort + " add up to the whole list");
        }

        assertEquals(List.of(c3, c1), ids(officer, with(mine, "type", "COMPLAINT")));
        assertEquals(List.of(e4, c1), ids(officer, with(mine, "jurisdiction", "GDPR")));
        assertEquals(List.of(e4), ids(officer, with(with(mine, "jurisdiction", "GDPR"), "type", "ERASURE")));
        LocalDate first = day1.atZone(ZoneOffset.UTC).toLocalDate();
        assertEquals(List.of(c1), ids(officer, with(with(mine, "receivedFrom", first.toString()), "receivedTo", first.toString())),
                "one inclusive UTC day: 23:30 in, 00:30 the next day out");
        assertEquals(List.of(c3, e2), ids(officer, with(with(mine, "receivedFrom", first.plusDays(1).toString()),
                "receivedTo", first.plusDays(2).toString())));
        assertEquals(List.of(e4), ids(officer, with(mine, "receivedFrom", first.plusDays(3).toString())));
        assertEquals(List.of(e4, c3, e2, c1), ids(officer, with(mine, "org", "steward")));
        assertEquals(List.of(), ids(officer, with(mine, "org", "queue-elsewhere")));
        assertEquals(List.of(e4, e2), ids(officer, with(mine, "status", "PENDING_VERIFICATION")),
                "an erasure without a recent sign-in waits for verification");

        // scoping is unchanged: a customer's own list only, whatever subjectId it asks for
        assertEquals(List.of(e4, c3, e2, c1), ids(customer, Map.of()));
        assertEquals(List.of(), ids(Tokens.customer("queue-b"), mine));
    }

    @Test
    void aClientAdminFiltersOnlyWithinItsOrg() {
        String admin = Tokens.clientAdmin("queue-admin", "queue-acme");
        String id = Api.submitted(admin, Map.of("type", "COMPLAINT", "description", "d", "attestation", "signed form",
                "subject", Map.of("org", "queue-acme", "kind", "END_USER", "id", "eu-1")));
        assertEquals(List.of(id), ids(admin, Map.of("subjectId", "eu-1")));
        assertEquals(List.of(id), ids(admin, Map.of("org", "queue-acme")));
        assertEquals(List.of(), ids(admin, Map.of("org", "steward")), "the provider's own customers stay out of sight");
        assertEquals(List.of(id), ids(officer, Map.of("org", "queue-acme", "subjectId", "eu-1")));
    }

    @Test
    void aCursorContinuesOnlyItsOwnList() {
        String customer = Tokens.customer("queue-c");
        for (int i = 0; i < 3; i++) {
            Api.submitted(customer, Map.of("type", "COMPLAINT", "description", "c" + i));
        }
        String next = list(customer, Map.of("limit", 1, "sort", "received")).getString("next");
        assertNotNull(next);
        assertEquals(1, list(customer, Map.of("limit", 1, "sort", "received", "cursor", next)).getList("items").size());
        given().auth().oauth2(customer).queryParams(Map.of("limit", 1, "sort", "due", "cursor", next)).when().get("/requests")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
        given().auth().oauth2(customer).queryParams(Map.of("limit", 1, "sort", "received", "type", "COMPLAINT", "cursor", next))
                .when().get("/requests").then().statusCode(400).body("errors.field", hasItem("cursor"));
        given().auth().oauth2(customer).queryParams(Map.of("limit", 1, "cursor", next)).when().get("/requests")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
        assertNull(list(customer, Map.of("limit", 5, "sort", "received")).getString("next"));
    }

    @Test
    void unknownValuesAreA400NamingTheParameter() {
        Map<String, String> bad = Map.of("type", "GOSSIP", "jurisdiction", "MARS", "receivedFrom", "01/11/2026",
                "receivedTo", "2026-13-01", "sort", "oldest", "view", "someday", "status", "LOST", "cursor", "bm90IG91cnM");
        bad.forEach((param, value) -> given().auth().oauth2(officer).queryParam(param, value).when().get("/requests")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(param)));
        given().auth().oauth2(officer).queryParams(Map.of("receivedFrom", "2026-11-02", "receivedTo", "2026-11-01"))
                .when().get("/requests").then().statusCode(400).body("errors.field", hasItem("receivedTo"));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new HashMap<>(base);
        m.put(key, value);
        return m;
    }
}
