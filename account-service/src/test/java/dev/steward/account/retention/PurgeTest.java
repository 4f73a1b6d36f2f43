package dev.steward.account.retention;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.steward.account.enduser.EndUserResourceTest;
import dev.steward.account.support.Db;
import dev.steward.account.support.DisclosureStub;
import dev.steward.platform.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PurgeTest {

    @Inject
    AgroalDataSource db;

    @DisclosureStub.Server
    WireMockServer disclosure;

    @Test
    void purgeDeletesWhatIsPastRetentionButSkipsAHeldSubject() {
        String org = EndUserResourceTest.newOrg("closed");
        EndUserResourceTest.write(org, EndUserResourceTest.record("keep-me", "held@example.com"),
                EndUserResourceTest.record("purge-me", "gone@example.com"));
        given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON)
                .body("{\"status\":\"CLOSED\",\"reason\":\"service ended\"}").post("/orgs/" + org + "/status")
                .then().statusCode(200);
        // the org closed 100 days ago: past the 90-day rule for CLOSED orgs
        Db.exec(db, "update organisation set status_changed_at = now() - interval '100 days' where id = ?", org);
        // old access logs of the held subject and of a visitor
        String oldAt = Instant.now().minus(400, ChronoUnit.DAYS).toString();
        given().auth().oauth2(Tokens.service("gateway")).contentType(ContentType.JSON)
                .body("{\"entries\":[{\"subject\":{\"org\":\"" + org + "\",\"kind\":\"END_USER\",\"id\":\"keep-me\"},\"ip\":\"192.0.2.1\","
                        + "\"at\":\"" + oldAt + "\",\"durationMs\":5},{\"subject\":{\"org\":\"" + org + "\",\"kind\":\"VISITOR\",\"id\":\"v1\"},"
                        + "\"ip\":\"192.0.2.2\",\"at\":\"" + oldAt + "\",\"durationMs\":5}]}")
                .post("/internal/access-logs").then().statusCode(200);
        disclosure.stubFor(get(urlPathEqualTo("/internal/holds/active")).withQueryParam("id", WireMock.equalTo("keep-me"))
                .atPriority(1).willReturn(okJson("{\"held\":true,\"holds\":[{\"id\":\"hold-7\",\"scope\":\"SUBJECT\","
                        + "\"reason\":\"litigation\",\"placedAt\":\"2026-01-01T00:00:00Z\"}]}")));
        assertTrue(given().auth().oauth2(Tokens.service("request-service")).get("/internal/compliance")
                .then().extract().jsonPath().getInt("retentionOverruns") >= 7);

        JsonPath receipt = given().auth().oauth2(Tokens.officer("olivia")).post("/retention/purges")
                .then().statusCode(201)
                .body("trigger", equalTo("OFFICER olivia"))
                .body("heldSubjects", hasItem(org + "/END_USER/keep-me"))
                .extract().jsonPath();
        assertTrue(receipt.getLong("fieldsPurged") >= 3);
        assertTrue(receipt.getLong("accessLogsPurged") >= 1);

        assertEquals(3, Db.count(db, "select count(*) from personal_field f join subject s on s.id = f.subject_id "
                + "where s.org = ? and s.ext_id = 'keep-me'", org), "held subject untouched");
        assertEquals(0, Db.count(db, "select count(*) from subject where org = ? and ext_id = 'purge-me'", org));
        assertEquals(1, Db.count(db, "select count(*) from access_log where org = ?", org), "only the held subject's log remains");
        given().auth().oauth2(Tokens.officer("olivia")).get("/retention/purges").then().statusCode(200)
                .body("items[0].id", equalTo(receipt.getInt("id")));
        given().auth().oauth2(Tokens.clientAdmin("x", org)).post("/retention/purges").then().statusCode(403);
    }

    @Test
    void withoutAnAnswerAboutHoldsNothingIsPurged() {
        String org = EndUserResourceTest.closedLongAgo(db, "nohold", EndUserResourceTest.record("u", "u@example.com"));
        DisclosureStub.failingFor(disclosure, org);
        try {
            given().auth().oauth2(Tokens.officer("olivia")).post("/retention/purges").then().statusCode(503)
                    .contentType("application/problem+json");
            assertEquals(3, Db.count(db, "select count(*) from personal_field f join subject s on s.id = f.subject_id where s.org = ?", org));
        } finally {
            DisclosureStub.reset(disclosure);
        }
    }

    @Test
    void dailyPurgeIsRegisteredWithDbScheduler() {
        assertEquals(1, Db.count(db, "select count(*) from scheduled_tasks where task_name = ?", PurgeScheduler.TASK));
    }

    @Test
    void rulesAreReadAndChangedByOfficersOnly() {
        given().auth().oauth2(Tokens.officer("olivia")).get("/retention/rules").then().statusCode(200)
                .body("categoryPrefix", hasItem("user.device"));
        given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON)
                .body("{\"categoryPrefix\":\"user.behavior\",\"orgStatus\":\"ACTIVE\",\"retainDays\":730,\"basis\":\"two years\"}")
                .put("/retention/rules").then().statusCode(200).body("find { it.categoryPrefix == 'user.behavior' }.retainDays", equalTo(730));
        given().auth().oauth2(Tokens.customer("c")).get("/retention/rules").then().statusCode(403);
    }
}
