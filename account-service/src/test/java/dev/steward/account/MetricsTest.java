package dev.steward.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.account.enduser.EndUserResourceTest;
import dev.steward.account.support.Db;
import dev.steward.account.support.DisclosureStub;
import dev.steward.platform.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Issue 18: the metrics named in METRICS.md, as Prometheus scrapes them from {@code /q/metrics}, and that they move. */
@QuarkusTest
class MetricsTest {

    @Inject
    AgroalDataSource db;

    @DisclosureStub.Server
    WireMockServer disclosure;

    @Test
    void everyNamedSeriesIsExposedFromTheStart() {
        given().get("/data-categories").then().statusCode(200);
        String scrape = scrape();
        for (String series : List.of("agroal_active_count", "agroal_available_count", "agroal_awaiting_count",
                "agroal_max_used_count", "http_server_requests_seconds_count", "steward_purge_last_success",
                "steward_subject_keys_evictions_total")) {
            assertTrue(value(scrape, series) >= 0, series);
        }
        for (String result : List.of("success", "failure")) {
            assertTrue(value(scrape, "steward_purge_runs_total", "result=\"" + result + "\"") >= 0, result);
        }
        for (String table : List.of("personal_field", "subject", "access_log")) {
            assertTrue(value(scrape, "steward_purge_rows_total", "table=\"" + table + "\"") >= 0, table);
        }
        for (String outcome : List.of("success", "client-error", "server-error", "unavailable")) {
            assertTrue(value(scrape, "steward_peer_calls_seconds_count", "peer=\"disclosure\"", "outcome=\"" + outcome + "\"") >= 0,
                    outcome);
        }
    }

    @Test
    void anErasureCountsAPeerCallAndAKeyEviction() {
        String org = EndUserResourceTest.newOrg("metrics");
        EndUserResourceTest.write(org, EndUserResourceTest.record("m1", "m1@example.com"));
        double calls = value(scrape(), "steward_peer_calls_seconds_count", "peer=\"disclosure\"", "outcome=\"success\"");
        double evictions = value(scrape(), "steward_subject_keys_evictions_total");
        given().auth().oauth2(Tokens.service("request-service")).contentType(ContentType.JSON).body("{\"requestId\":\"m-" + org + "\"}")
                .post("/internal/subjects/" + org + "/END_USER/m1/erasure").then().statusCode(200);
        assertEquals(calls + 1, value(scrape(), "steward_peer_calls_seconds_count", "peer=\"disclosure\"", "outcome=\"success\""));
        // the key's deletion is announced by PostgreSQL at commit and heard by the listener thread
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> value(scrape(), "steward_subject_keys_evictions_total") >= evictions + 1);
    }

    @Test
    void aPurgeCountsItsRunItsRowsAndItsTime() {
        EndUserResourceTest.closedLongAgo(db, "metrics-purge", EndUserResourceTest.record("p1", "p1@example.com"));
        String before = scrape();
        long started = Instant.now().getEpochSecond();
        given().auth().oauth2(Tokens.officer("olivia")).post("/retention/purges").then().statusCode(201);
        String after = scrape();
        assertEquals(value(before, "steward_purge_runs_total", "result=\"success\"") + 1,
                value(after, "steward_purge_runs_total", "result=\"success\""));
        assertTrue(value(after, "steward_purge_rows_total", "table=\"personal_field\"")
                >= value(before, "steward_purge_rows_total", "table=\"personal_field\"") + 3);
        assertTrue(value(after, "steward_purge_rows_total", "table=\"subject\"")
                >= value(before, "steward_purge_rows_total", "table=\"subject\"") + 1);
        assertTrue(value(after, "steward_purge_last_success") >= started - 1, "last success is this run");
    }

    @Test
    void aPurgeWithoutAnAnswerAboutHoldsCountsAFailureAndAPeerServerError() {
        String org = EndUserResourceTest.closedLongAgo(db, "metrics-fail", EndUserResourceTest.record("f1", "f1@example.com"));
        DisclosureStub.failingFor(disclosure, org);
        try {
            String before = scrape();
            given().auth().oauth2(Tokens.officer("olivia")).post("/retention/purges").then().statusCode(503);
            String after = scrape();
            assertEquals(value(before, "steward_purge_runs_total", "result=\"failure\"") + 1,
                    value(after, "steward_purge_runs_total", "result=\"failure\""));
            assertEquals(value(before, "steward_purge_runs_total", "result=\"success\""),
                    value(after, "steward_purge_runs_total", "result=\"success\""));
            assertTrue(value(after, "steward_peer_calls_seconds_count", "peer=\"disclosure\"", "outcome=\"server-error\"")
                    + value(after, "steward_peer_calls_seconds_count", "peer=\"disclosure\"", "outcome=\"unavailable\"")
                    > value(before, "steward_peer_calls_seconds_count", "peer=\"disclosure\"", "outcome=\"server-error\"")
                    + value(before, "steward_peer_calls_seconds_count", "peer=\"disclosure\"", "outcome=\"unavailable\""));
        } finally {
            DisclosureStub.reset(disclosure);
            // nothing of this org may be left for another test's purge to trip over
            Db.exec(db, "update organisation set status = 'ACTIVE' where id = ?", org);
        }
    }

    @Test
    void noLabelCarriesAnIdOrAnOrg() {
        String org = EndUserResourceTest.newOrg("metrics-labels");
        given().get("/public/consents/" + org + "/visitor-label-check").then().statusCode(200);
        String scrape = scrape();
        assertFalse(scrape.contains(org), "an org name in a label");
        assertFalse(scrape.contains("visitor-label-check"), "a visitor id in a label");
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of the samples of one series name whose labels include every given {@code name="value"}; -1 when none. */
    static double value(String scrape, String name, String... labels) {
        double sum = 0;
        boolean found = false;
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            String labelPart = line.contains("{") ? line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1) : "";
            if (Arrays.stream(labels).allMatch(labelPart::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? sum : -1;
    }
}
