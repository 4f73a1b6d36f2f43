package dev.steward.account.enduser;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.steward.account.support.Db;
import dev.steward.platform.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class EndUserResourceTest {

    @Inject
    AgroalDataSource db;

    public static String newOrg(String prefix) {
        String org = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON)
                .body("{\"id\":\"" + org + "\",\"name\":\"" + org + "\"}").post("/orgs").then().statusCode(201);
        return org;
    }

    /** An org holding these records, closed 100 days ago: past the 90-day rule, so a purge has something to delete. */
    public static String closedLongAgo(AgroalDataSource db, String prefix, String... records) {
        String org = newOrg(prefix);
        write(org, records);
        given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON)
                .body("{\"status\":\"CLOSED\",\"reason\":\"service ended\"}").post("/orgs/" + org + "/status")
                .then().statusCode(200);
        dev.steward.account.support.Db.exec(db, "update organisation set status_changed_at = now() - interval '100 days' where id = ?", org);
        return org;
    }

    public static final String ATTESTATION = "\"attestation\":{\"attestedBy\":\"dpo@client.example\","
            + "\"attestedAt\":\"2026-01-01T10:00:00Z\",\"basis\":\"signed consent form\"}";

    public static String record(String id, String email) {
        return "{\"id\":\"" + id + "\",\"attributes\":[{\"name\":\"email\",\"value\":\"" + email + "\",\"category\":\"user.contact.email\"},"
                + "{\"name\":\"ip\",\"value\":\"198.51.100.7\",\"category\":\"user.device.ip_address\"},"
                + "{\"name\":\"visits\",\"type\":\"NUMBER\",\"value\":\"42\",\"category\":\"user.behavior\"}]," + ATTESTATION + "}";
    }

    public static void write(String org, String... records) {
        given().auth().oauth2(Tokens.clientAdmin("admin-" + org, org)).contentType(ContentType.JSON)
                .body("{\"records\":[" + String.join(",", records) + "]}")
                .post("/orgs/" + org + "/end-users").then().statusCode(200).body("records", equalTo(records.length));
    }

    @Test
    void clientAdminWritesAndReadsItsEndUsers() {
        String org = newOrg("acme");
        write(org, record("u1", "u1@example.com"), record("u2", "u2@example.com"));
        String admin = Tokens.clientAdmin("alice", org);
        given().auth().oauth2(admin).get("/orgs/" + org + "/end-users/u1").then().statusCode(200)
                .body("attributes.find { it.name == 'email' }.value", equalTo("u1@example.com"))
                .body("attributes.find { it.name == 'visits' }.type", equalTo("NUMBER"))
                .body("attestation.attestedBy", equalTo("dpo@client.example"))
                .body("flaggedSensitive", equalTo(false));
        given().auth().oauth2(admin).queryParam("limit", 1).get("/orgs/" + org + "/end-users").then().statusCode(200)
                .body("items[0].id", equalTo("u1")).body("next", notNullValue());
        // rewriting a record replaces its attributes
        write(org, "{\"id\":\"u1\",\"attributes\":[{\"name\":\"email\",\"value\":\"new@example.com\",\"category\":\"user.contact.email\"}],"
                + ATTESTATION + "}");
        given().auth().oauth2(admin).get("/orgs/" + org + "/end-users/u1").then()
                .body("attributes.size()", equalTo(1)).body("attributes[0].value", equalTo("new@example.com"));
        // who looked: the admin's reads appear in the subject's export
        given().auth().oauth2(Tokens.service("request-service")).get("/internal/subjects/" + org + "/END_USER/u1/export")
                .then().statusCode(200).body("accessRecords.actor", hasItem("alice"))
                .body("accessRecords[0].fields", hasItem("email"))
                .body("fields[0].source", equalTo("CLIENT"));
    }

    @Test
    void isolationMatrix() {
        String mine = newOrg("mine");
        String theirs = newOrg("theirs");
        write(mine, record("m1", "m1@example.com"));
        write(theirs, record("t1", "t1@example.com"));
        String admin = Tokens.clientAdmin("mia", mine);
        // own
        given().auth().oauth2(admin).get("/orgs/" + mine + "/end-users/m1").then().statusCode(200);
        given().auth().oauth2(admin).get("/orgs/" + mine + "/end-users/m1/consents").then().statusCode(200);
        // another subject id that is not in my org (exists in theirs)
        given().auth().oauth2(admin).get("/orgs/" + mine + "/end-users/t1").then().statusCode(404);
        given().auth().oauth2(admin).get("/orgs/" + mine + "/end-users/t1/consents").then().statusCode(404);
        given().auth().oauth2(admin).get("/orgs/" + mine + "/end-users/t1/consents/history").then().statusCode(404);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"purpose\":\"MARKETING\",\"granted\":false}")
                .post("/orgs/" + mine + "/end-users/t1/consents").then().statusCode(404);
        // the other org, every endpoint
        for (String path : new String[]{"/orgs/" + theirs, "/orgs/" + theirs + "/end-users", "/orgs/" + theirs + "/end-users/t1",
                "/orgs/" + theirs + "/end-users/t1/consents", "/orgs/" + theirs + "/end-users/t1/consents/history",
                "/orgs/" + theirs + "/end-users/nope"}) {
            given().auth().oauth2(admin).get(path).then().statusCode(404).contentType("application/problem+json");
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"records\":[" + record("x", "x@example.com") + "]}")
                .post("/orgs/" + theirs + "/end-users").then().statusCode(404);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"purpose\":\"MARKETING\",\"granted\":false}")
                .post("/orgs/" + theirs + "/end-users/t1/consents").then().statusCode(404);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"callbackUrl\":\"https://evil.example\"}")
                .patch("/orgs/" + theirs).then().statusCode(404);
        assertEquals(0, Db.count(db, "select count(*) from subject where org = ? and ext_id = 'x'", theirs));
        // other roles do not reach end-user records at all
        given().auth().oauth2(Tokens.customer("carol")).get("/orgs/" + mine + "/end-users/m1").then().statusCode(403);
        given().auth().oauth2(Tokens.officer("olivia")).get("/orgs/" + mine + "/end-users/m1").then().statusCode(403);
    }

    @Test
    void everyRecordNeedsAnAttestationAndAKnownCategoryAndTheBatchIsAllOrNothing() {
        String org = newOrg("strict");
        String admin = Tokens.clientAdmin("sam", org);
        String noAttestation = "{\"id\":\"n1\",\"attributes\":[{\"name\":\"email\",\"value\":\"n@example.com\",\"category\":\"user.contact.email\"}]}";
        String badCategory = "{\"id\":\"n2\",\"attributes\":[{\"name\":\"shoe\",\"value\":\"44\",\"category\":\"user.feet\"}]," + ATTESTATION + "}";
        String badNumber = "{\"id\":\"n3\",\"attributes\":[{\"name\":\"age\",\"type\":\"NUMBER\",\"value\":\"old\",\"category\":\"user.demographic.age_range\"}]," + ATTESTATION + "}";
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"records\":[" + record("ok1", "ok1@example.com") + "," + noAttestation + "," + badCategory + "," + badNumber + "]}")
                .post("/orgs/" + org + "/end-users")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("records[1].attestation", "records[2].attributes[0].category",
                        "records[3].attributes[0].value"));
        assertEquals(0, Db.count(db, "select count(*) from subject where org = ?", org), "nothing of the batch was stored");
        // a card number anywhere in a record
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"records\":[" + record("c1", "c1@example.com").replace("198.51.100.7", "4111-1111-1111-1111") + "]}")
                .post("/orgs/" + org + "/end-users")
                .then().statusCode(422).body("errors.field", hasItem("records[0].attributes[1].value"));
        assertEquals(0, Db.count(db, "select count(*) from subject where org = ?", org));
        // bean validation names the record too; more than 1,000 is refused
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"records\":[{\"id\":\"\",\"attributes\":[]}]}").post("/orgs/" + org + "/end-users")
                .then().statusCode(400).body("errors.field", hasItems("records[0].id", "records[0].attributes"));
        StringBuilder many = new StringBuilder("{\"records\":[");
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append("{\"id\":\"r").append(i)
                    .append("\",\"attributes\":[{\"name\":\"a\",\"value\":\"v\",\"category\":\"user\"}],").append(ATTESTATION).append("}");
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(many.append("]}").toString())
                .post("/orgs/" + org + "/end-users").then().statusCode(400).body("errors.field", hasItem("records"));
    }

    @Test
    void sensitiveCategoriesNeedTheOrgsAcknowledgementAndAreFlagged() {
        String org = newOrg("clinic");
        String admin = Tokens.clientAdmin("hana", org);
        String health = "{\"id\":\"p1\",\"attributes\":[{\"name\":\"condition\",\"value\":\"asthma\",\"category\":\"user.health.condition\"}],"
                + ATTESTATION + "}";
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"records\":[" + health + "]}")
                .post("/orgs/" + org + "/end-users")
                .then().statusCode(422).body("errors[0].field", equalTo("records[0].attributes[0].category"));
        for (String cat : new String[]{"user.demographic.race_ethnicity", "user.demographic.political_opinion",
                "user.demographic.religious_belief", "user.health"}) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"records\":[" + health.replace("user.health.condition", cat) + "]}")
                    .post("/orgs/" + org + "/end-users").then().statusCode(422);
        }
        long before = given().auth().oauth2(Tokens.service("request-service")).get("/internal/compliance")
                .then().extract().jsonPath().getLong("flaggedSensitiveRecords");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"sensitiveDataAcknowledged\":true}")
                .patch("/orgs/" + org).then().statusCode(200).body("sensitiveDataAcknowledged", equalTo(true));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"records\":[" + health + "]}")
                .post("/orgs/" + org + "/end-users").then().statusCode(200).body("flaggedSensitive", equalTo(1));
        given().auth().oauth2(admin).get("/orgs/" + org + "/end-users/p1").then()
                .body("flaggedSensitive", equalTo(true)).body("attributes[0].sensitive", equalTo(true));
        given().auth().oauth2(Tokens.service("request-service")).get("/internal/compliance")
                .then().body("flaggedSensitiveRecords", equalTo((int) before + 1));
    }

    @Test
    void endUserConsentsKeepTheirHistory() {
        String org = newOrg("shop");
        write(org, record("e1", "e1@example.com"));
        String admin = Tokens.clientAdmin("ed", org);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"purpose\":\"ANALYTICS_SHARING\",\"granted\":false}")
                .post("/orgs/" + org + "/end-users/e1/consents").then().statusCode(201).body("actor", equalTo("ed"))
                .body("source", equalTo("CLIENT_ADMIN"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"purpose\":\"ANALYTICS_SHARING\",\"granted\":true}")
                .post("/orgs/" + org + "/end-users/e1/consents").then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"purpose\":\"MARKETING\",\"granted\":false}")
                .post("/orgs/" + org + "/end-users/e1/consents").then().statusCode(201);
        given().auth().oauth2(admin).get("/orgs/" + org + "/end-users/e1/consents").then()
                .body("purposes.ANALYTICS_SHARING", equalTo(true)).body("purposes.MARKETING", equalTo(false));
        given().auth().oauth2(admin).queryParam("limit", 2).get("/orgs/" + org + "/end-users/e1/consents/history").then()
                .body("items.size()", equalTo(2)).body("items[0].granted", equalTo(false)).body("next", notNullValue());
        given().auth().oauth2(Tokens.service("disclosure-service")).get("/internal/subjects/" + org + "/END_USER/e1/consents")
                .then().body("purposes.MARKETING", equalTo(false));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"purpose\":\"SPAM\",\"granted\":true}")
                .post("/orgs/" + org + "/end-users/e1/consents").then().statusCode(400).body("errors.field", hasItem("purpose"));
    }
}
