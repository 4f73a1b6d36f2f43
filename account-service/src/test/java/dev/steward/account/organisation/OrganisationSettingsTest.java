package dev.steward.account.organisation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import dev.steward.account.enduser.EndUserResourceTest;
import dev.steward.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrganisationSettingsTest {

    @Test
    void callbackSecretIsWriteOnlyPubliclyAndReadableByServices() {
        String org = EndUserResourceTest.newOrg("cb");
        String secret = "s3cret-signing-key-0123456789";
        given().auth().oauth2(Tokens.clientAdmin("cara", org)).contentType(ContentType.JSON)
                .body("{\"callbackUrl\":\"https://client.example/dsr\",\"callbackSecret\":\"" + secret + "\"}")
                .patch("/orgs/" + org)
                .then().statusCode(200).body("callbackUrl", equalTo("https://client.example/dsr"))
                .body("callbackSecretSet", equalTo(true)).body(not(containsString(secret)));
        given().auth().oauth2(Tokens.officer("olivia")).get("/orgs/" + org)
                .then().statusCode(200).body(not(containsString(secret)));
        given().auth().oauth2(Tokens.service("request-service")).get("/internal/orgs/" + org)
                .then().statusCode(200).body("callbackSecret", equalTo(secret))
                .body("callbackUrl", equalTo("https://client.example/dsr"))
                .body("status", equalTo("ACTIVE")).body("sensitiveDataAcknowledged", equalTo(false));
        given().auth().oauth2(Tokens.clientAdmin("cara", org)).contentType(ContentType.JSON)
                .body("{\"callbackUrl\":\"ftp://nope\",\"callbackSecret\":\"short\"}").patch("/orgs/" + org)
                .then().statusCode(400);
        given().auth().oauth2(Tokens.clientAdmin("cara", org)).contentType(ContentType.JSON)
                .body("{\"name\":\"Renamed\"}").patch("/orgs/" + org).then().statusCode(422);
    }

    @Test
    void officerChangesStatusAndClosedOrgsTakeNoNewData() {
        String org = EndUserResourceTest.newOrg("st");
        given().auth().oauth2(Tokens.clientAdmin("cara", org)).contentType(ContentType.JSON)
                .body("{\"status\":\"CLOSED\",\"reason\":\"contract ended\"}").post("/orgs/" + org + "/status")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON)
                .body("{\"status\":\"CLOSED\",\"reason\":\"contract ended\"}").post("/orgs/" + org + "/status")
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("statusReason", equalTo("contract ended"));
        given().auth().oauth2(Tokens.service("request-service")).get("/internal/orgs/" + org)
                .then().body("status", equalTo("CLOSED"));
        given().auth().oauth2(Tokens.clientAdmin("cara", org)).contentType(ContentType.JSON)
                .body("{\"records\":[" + EndUserResourceTest.record("z", "z@example.com") + "]}")
                .post("/orgs/" + org + "/end-users").then().statusCode(422);
        given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON)
                .body("{\"status\":\"TERMINATED_FOR_VIOLATION\",\"reason\":\"abuse\"}").post("/orgs/" + org + "/status")
                .then().statusCode(200).body("status", equalTo("TERMINATED_FOR_VIOLATION"));
        given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON)
                .body("{\"status\":\"GONE\",\"reason\":\"x\"}").post("/orgs/" + org + "/status").then().statusCode(400);
        given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON)
                .body("{\"status\":\"CLOSED\",\"reason\":\"x\"}").post("/orgs/no-such-org/status").then().statusCode(404);
        given().auth().oauth2(Tokens.officer("olivia")).queryParam("limit", 1).get("/orgs")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("next", notNullValue());
    }

    @Test
    void erasingATerminatedOrgKeepsOnlyEmailBlindIndexes() {
        String org = EndUserResourceTest.newOrg("bad");
        EndUserResourceTest.write(org, EndUserResourceTest.record("b1", "b1@example.com"),
                EndUserResourceTest.record("b2", "b2@example.com"));
        given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON)
                .body("{\"status\":\"TERMINATED_FOR_VIOLATION\",\"reason\":\"fraud ring\"}").post("/orgs/" + org + "/status")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.service("request-service")).contentType(ContentType.JSON)
                .body("{\"requestId\":\"org-erase-" + org + "\"}").post("/internal/orgs/" + org + "/erasure")
                .then().statusCode(200)
                .body("erased.find { it.what == 'personal fields' }.count", equalTo(6))
                .body("erased.find { it.what == 'data keys (crypto-shredded)' }.count", equalTo(2))
                .body("kept.find { it.exception == '8c' }.count", equalTo(2));
        given().auth().oauth2(Tokens.service("request-service")).get("/internal/subjects/" + org + "/END_USER/b1/export")
                .then().statusCode(404);
        // the blocked email cannot sign up directly either
        given().auth().oauth2(Tokens.customer("b1-" + org)).contentType(ContentType.JSON)
                .body(dev.steward.account.account.AccountResourceTest.signUpBody("B1@example.com", ",\"ageConfirmed\":true"))
                .post("/me").then().statusCode(422);
    }
}
