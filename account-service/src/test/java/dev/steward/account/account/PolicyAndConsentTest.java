package dev.steward.account.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.hasItem;

import dev.steward.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PolicyAndConsentTest {

    @Test
    void officerPublishesAnyoneReadsCustomerAcceptsOfficerSeesWho() {
        String n = "1." + UUID.randomUUID().toString().substring(0, 6);
        String future = "9." + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON)
                .body("{\"number\":\"" + n + "\",\"effectiveDate\":\"" + LocalDate.now().minusDays(1)
                        + "\",\"summary\":\"Adds Zendesk opt-out\",\"text\":\"The policy text\"}")
                .post("/policy-versions").then().statusCode(201)
                .body("sha256", equalTo(dev.steward.account.support.Hashes.sha256("The policy text")));
        given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON)
                .body("{\"number\":\"" + future + "\",\"effectiveDate\":\"" + LocalDate.now().plusDays(30)
                        + "\",\"summary\":\"Next\",\"url\":\"https://steward.dev/policy/next\",\"sha256\":\"" + "ab".repeat(32) + "\"}")
                .post("/policy-versions").then().statusCode(201);
        given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON)
                .body("{\"number\":\"x" + n + "\",\"effectiveDate\":\"2026-01-01\",\"summary\":\"no doc\"}")
                .post("/policy-versions").then().statusCode(422);
        given().auth().oauth2(Tokens.customer("carol")).contentType(ContentType.JSON)
                .body("{\"number\":\"y" + n + "\",\"effectiveDate\":\"2026-01-01\",\"summary\":\"s\",\"text\":\"t\"}")
                .post("/policy-versions").then().statusCode(403);
        // readable without a token; the future one is not yet current
        given().get("/policy-versions/" + n).then().statusCode(200).body("summary", equalTo("Adds Zendesk opt-out"))
                .body("publishedBy", equalTo("olivia")).body("publishedByName", equalTo("olivia"))
                .body("publishedByRole", equalTo("privacy-officer")).body("textAvailable", equalTo(true));
        // the text reads back exactly as published; a url-only version has none to give
        given().get("/policy-versions/" + n + "/text").then().statusCode(200).contentType(startsWith("text/plain"))
                .body(equalTo("The policy text"));
        given().get("/policy-versions/" + future + "/text").then().statusCode(404).contentType("application/problem+json");
        given().get("/policy-versions/" + future).then().body("textAvailable", equalTo(false));
        given().get("/policy-versions/current").then().statusCode(200)
                .body("effectiveDate", org.hamcrest.Matchers.not(equalTo(LocalDate.now().plusDays(30).toString())));
        given().queryParam("limit", 500).get("/policy-versions").then().statusCode(200).body("items.number", hasItem(n));

        String sub = InternalSignUp.signUp();
        given().auth().oauth2(Tokens.customer(sub)).post("/policy-versions/" + n + "/acceptances").then().statusCode(201)
                .body("sub", equalTo(sub));
        // accepting again records nothing new: 200 with the first acceptance
        var acceptedAt = given().auth().oauth2(Tokens.officer("olivia")).get("/policy-versions/" + n + "/acceptances")
                .then().extract().path("items.find { it.sub == '" + sub + "' }.acceptedAt");
        given().auth().oauth2(Tokens.customer(sub)).post("/policy-versions/" + n + "/acceptances").then().statusCode(200)
                .body("acceptedAt", equalTo(acceptedAt));
        given().auth().oauth2(Tokens.officer("olivia")).get("/policy-versions/" + n + "/acceptances").then()
                .body("items.findAll { it.sub == '" + sub + "' }.size()", equalTo(1));
        given().auth().oauth2(Tokens.customer("no-account-" + sub)).post("/policy-versions/" + n + "/acceptances")
                .then().statusCode(422);
        given().auth().oauth2(Tokens.officer("olivia")).get("/policy-versions/" + n + "/acceptances").then().statusCode(200)
                .body("items.sub", hasItem(sub));
        given().auth().oauth2(Tokens.customer(sub)).get("/policy-versions/" + n + "/acceptances").then().statusCode(403);
    }

    @Test
    void customerConsentsWithHistory() {
        String sub = InternalSignUp.signUp();
        given().auth().oauth2(Tokens.customer(sub)).get("/me/consents").then().statusCode(200)
                .body("purposes.ANALYTICS_SHARING", equalTo(true)).body("subject.id", equalTo(sub));
        given().auth().oauth2(Tokens.customer(sub)).contentType(ContentType.JSON)
                .body("{\"purpose\":\"ANALYTICS_SHARING\",\"granted\":false}").post("/me/consents")
                .then().statusCode(201).body("source", equalTo("CUSTOMER")).body("actor", equalTo(sub));
        given().auth().oauth2(Tokens.customer(sub)).get("/me/consents").then()
                .body("purposes.ANALYTICS_SHARING", equalTo(false)).body("purposes.MARKETING", equalTo(true));
        given().auth().oauth2(Tokens.customer(sub)).get("/me/consents/history").then()
                .body("items.size()", equalTo(1)).body("items[0].purpose", equalTo("ANALYTICS_SHARING"));
        // another customer sees only their own (empty) history
        given().auth().oauth2(Tokens.customer("other-" + sub)).get("/me/consents/history").then().body("items.size()", equalTo(0));
        given().auth().oauth2(Tokens.service("disclosure-service")).get("/internal/subjects/steward/ACCOUNT/" + sub + "/consents")
                .then().body("purposes.ANALYTICS_SHARING", equalTo(false));
    }

    /** Sign-up helper shared by this package's tests. */
    static final class InternalSignUp {
        static String signUp() {
            String sub = "cust-" + UUID.randomUUID().toString().substring(0, 8);
            given().auth().oauth2(Tokens.customer(sub)).contentType(ContentType.JSON)
                    .body(AccountResourceTest.signUpBody(sub + "@example.com", ",\"ageConfirmed\":true"))
                    .post("/me").then().statusCode(201);
            return sub;
        }
    }
}
