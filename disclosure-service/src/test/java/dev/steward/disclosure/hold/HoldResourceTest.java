package dev.steward.disclosure.hold;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.steward.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HoldResourceTest {

    static String placeOnSubject(String org, String kind, String id, String reason) {
        return given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON)
                .body(Map.of("subject", Map.of("org", org, "kind", kind, "id", id), "reason", reason,
                        "description", "Chargeback ring under investigation", "caseReference", "FR-2026-7"))
                .when().post("/holds")
                .then().statusCode(201)
                .body("scope", equalTo("SUBJECT"))
                .body("active", equalTo(true))
                .body("placedBy", equalTo("lena"))
                .extract().path("id");
    }

    static String placeOnOrg(String org, String reason) {
        return given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON)
                .body(Map.of("org", org, "reason", reason, "description", "Regulator inquiry into the client"))
                .when().post("/holds")
                .then().statusCode(201)
                .body("scope", equalTo("ORG"))
                .body("subject", nullValue())
                .extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse active(String org, String kind, String id) {
        return given().auth().oauth2(Tokens.service("request-service"))
                .queryParam("org", org).queryParam("kind", kind).queryParam("id", id)
                .when().get("/internal/holds/active").then().statusCode(200);
    }

    @Test
    void subjectHoldIsActiveUntilReleasedAndHistoryIsKept() {
        String org = "acme-" + UUID.randomUUID();
        active(org, "END_USER", "u-1").body("held", equalTo(false)).body("holds", hasSize(0));

        String id = placeOnSubject(org, "END_USER", "u-1", "FRAUD_INVESTIGATION");
        active(org, "END_USER", "u-1").body("held", equalTo(true))
                .body("holds[0].id", equalTo(id))
                .body("holds[0].scope", equalTo("SUBJECT"))
                .body("holds[0].reason", equalTo("FRAUD_INVESTIGATION"))
                .body("holds[0].placedAt", notNullValue());
        // another subject of the same org is not held
        active(org, "END_USER", "u-2").body("held", equalTo(false));

        given().auth().oauth2(Tokens.legal("leo")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Investigation closed without findings"))
                .when().post("/holds/" + id + "/release")
                .then().statusCode(200)
                .body("active", equalTo(false))
                .body("releasedBy", equalTo("leo"))
                .body("releaseReason", equalTo("Investigation closed without findings"))
                .body("placedBy", equalTo("lena"));
        active(org, "END_USER", "u-1").body("held", equalTo(false));

        // released once; a second release is refused, the first stands
        given().auth().oauth2(Tokens.legal("leo")).contentType(ContentType.JSON)
                .body(Map.of("reason", "again"))
                .when().post("/holds/" + id + "/release")
                .then().statusCode(409).contentType("application/problem+json");

        // history: the released hold is still listed
        given().auth().oauth2(Tokens.auditor("audrey")).queryParam("org", org).queryParam("active", false)
                .when().get("/holds")
                .then().statusCode(200)
                .body("items.id", hasItem(id));
        given().auth().oauth2(Tokens.auditor("audrey")).queryParam("org", org).queryParam("active", true)
                .when().get("/holds")
                .then().statusCode(200)
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void orgHoldCoversEverySubjectOfTheOrg() {
        String org = "globex-" + UUID.randomUUID();
        String id = placeOnOrg(org, "LITIGATION");
        active(org, "END_USER", "anyone").body("held", equalTo(true))
                .body("holds[0].id", equalTo(id))
                .body("holds[0].scope", equalTo("ORG"));
        active(org, "ACCOUNT", "admin-1").body("held", equalTo(true));
        // org alone: the org-wide holds
        given().auth().oauth2(Tokens.service("request-service")).queryParam("org", org)
                .when().get("/internal/holds/active").then().statusCode(200).body("held", equalTo(true));
        active("other-" + UUID.randomUUID(), "END_USER", "anyone").body("held", equalTo(false));
    }

    @Test
    void listPagesNewestFirst() {
        String org = "paging-" + UUID.randomUUID();
        String first = placeOnSubject(org, "ACCOUNT", "a", "LITIGATION");
        String second = placeOnSubject(org, "ACCOUNT", "b", "ACCOUNT_VIOLATION");
        String third = placeOnOrg(org, "REGULATOR_REQUEST");
        String next = given().auth().oauth2(Tokens.officer("olivia")).queryParam("org", org).queryParam("limit", 2)
                .when().get("/holds")
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].id", equalTo(third))
                .body("items[1].id", equalTo(second))
                .body("next", notNullValue())
                .extract().path("next");
        given().auth().oauth2(Tokens.officer("olivia")).queryParam("org", org).queryParam("limit", 2)
                .queryParam("cursor", next)
                .when().get("/holds")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(first))
                .body("next", nullValue());
    }

    @Test
    void invalidHoldsAreProblemsNamingTheField() {
        given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON)
                .body(Map.of("org", "acme", "subject", Map.of("org", "acme", "kind", "ACCOUNT", "id", "x"),
                        "reason", "LITIGATION", "description", "both given"))
                .when().post("/holds")
                .then().statusCode(400).body("errors.field", hasItem("subject"));
        given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON)
                .body(Map.of("org", "acme", "reason", "BECAUSE", "description", "bad reason"))
                .when().post("/holds")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON)
                .body(Map.of("reason", "")).when().post("/holds/" + UUID.randomUUID() + "/release")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON)
                .body(Map.of("reason", "done")).when().post("/holds/" + UUID.randomUUID() + "/release")
                .then().statusCode(404);
    }

    @Test
    void roleMatrix() {
        Map<String, Object> body = Map.of("org", "acme", "reason", "LITIGATION", "description", "x");
        for (String token : new String[] {Tokens.customer("carl"), Tokens.clientAdmin("cora", "acme"),
                Tokens.auditor("audrey"), Tokens.officer("olivia"), Tokens.service("request-service")}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .when().post("/holds").then().statusCode(403);
        }
        for (String token : new String[] {Tokens.customer("carl"), Tokens.clientAdmin("cora", "acme")}) {
            given().auth().oauth2(token).when().get("/holds").then().statusCode(403);
            given().auth().oauth2(token).queryParam("org", "acme").when().get("/internal/holds/active")
                    .then().statusCode(403);
        }
        given().when().get("/internal/holds/active?org=acme").then().statusCode(401);
    }
}
