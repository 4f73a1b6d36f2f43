package dev.steward.disclosure.compliance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.steward.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ComplianceTest {

    @Test
    void reportsLedgerHoldsAndSubProcessorsWithoutAgreement() {
        int holdsBefore = given().auth().oauth2(Tokens.service("request-service")).when().get("/internal/compliance")
                .then().statusCode(200).extract().path("activeHolds");
        int flaggedBefore = given().auth().oauth2(Tokens.service("request-service")).when().get("/internal/compliance")
                .then().extract().path("subprocessorsWithoutAgreement");
        given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON)
                .body(Map.of("org", "cmp-" + UUID.randomUUID(), "reason", "LITIGATION", "description", "x"))
                .when().post("/holds").then().statusCode(201);
        given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON)
                .body(Map.of("name", "No agreement " + UUID.randomUUID(), "purpose", "Analytics",
                        "dataCategories", java.util.List.of("user.device.ip_address"), "country", "US",
                        "agreementInForce", false))
                .when().post("/subprocessors").then().statusCode(201);
        given().auth().oauth2(Tokens.service("request-service")).when().get("/internal/compliance")
                .then().statusCode(200)
                .body("ledger.valid", equalTo(true))
                .body("ledger.size", greaterThanOrEqualTo(0))
                .body("ledger.firstBroken", equalTo(null))
                .body("activeHolds", equalTo(holdsBefore + 1))
                .body("subprocessorsWithoutAgreement", equalTo(flaggedBefore + 1));
        given().auth().oauth2(Tokens.customer("carl")).when().get("/internal/compliance").then().statusCode(403);
        given().auth().oauth2(Tokens.auditor("audrey")).when().get("/internal/compliance").then().statusCode(200)
                .body("ledger", notNullValue());
    }
}
