package dev.steward.account.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.steward.account.support.Db;
import dev.steward.account.support.Race;
import dev.steward.platform.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 11 item 4, account-service's part: email normalisation, §8(c) terminations, one acceptance per version. */
@QuarkusTest
class AccountRulesTest {

    @Inject
    AgroalDataSource db;

    @Test
    void anEmailIsTrimmedAndItsDomainCaseFoldedOnSignUpAndChange() {
        String sub = AccountResourceTest.newSub();
        given().auth().oauth2(Tokens.customer(sub)).contentType(ContentType.JSON)
                .body(AccountResourceTest.signUpBody("  Carol.Q@Example.COM ", ",\"ageConfirmed\":true"))
                .post("/me").then().statusCode(201).body("email", equalTo("Carol.Q@example.com"));
        given().auth().oauth2(Tokens.customer(sub)).contentType(ContentType.JSON)
                .body("{\"email\":\"\\tCarol.R@EXAMPLE.org \"}").patch("/me")
                .then().statusCode(200).body("email", equalTo("Carol.R@example.org"));
        // the look-up ignores case entirely (blind index of the folded address)
        given().auth().oauth2(Tokens.officer("olivia")).queryParam("email", "carol.r@example.ORG").get("/accounts/lookup")
                .then().statusCode(200).body("sub", equalTo(sub));
        // still an email address after trimming, or refused naming the field
        given().auth().oauth2(Tokens.customer(AccountResourceTest.newSub())).contentType(ContentType.JSON)
                .body(AccountResourceTest.signUpBody("  not an email ", ",\"ageConfirmed\":true"))
                .post("/me").then().statusCode(400).body("errors.field", hasItem("email"));
    }

    @Test
    void aTerminationRecordsWhoWhenAndWhyOnceAndTheExportShowsIt() {
        String sub = AccountResourceTest.newSub();
        given().auth().oauth2(Tokens.customer(sub)).contentType(ContentType.JSON)
                .body(AccountResourceTest.signUpBody(sub + "@example.com", ",\"ageConfirmed\":true"))
                .post("/me").then().statusCode(201);
        String officer = Tokens.officer("olivia");
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{}").post("/accounts/" + sub + "/termination")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("reason"));
        given().auth().oauth2(officer).post("/accounts/" + sub + "/termination").then().statusCode(415)
                .contentType("application/problem+json");
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"reason\":\"resold the service against §8\"}")
                .post("/accounts/" + sub + "/termination").then().statusCode(200)
                .body("status", equalTo("TERMINATED_FOR_VIOLATION")).body("terminatedBy", equalTo("olivia"))
                .body("terminatedByName", equalTo("olivia")).body("terminatedAt", notNullValue())
                .body("reason", equalTo("resold the service against §8"));
        given().auth().oauth2(Tokens.officer("oscar")).contentType(ContentType.JSON).body("{\"reason\":\"again\"}")
                .post("/accounts/" + sub + "/termination").then().statusCode(409);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .post("/accounts/nobody-" + sub + "/termination").then().statusCode(404);
        assertEquals(1, Db.count(db, "select count(*) from account where sub = ? and terminated_by = 'olivia' "
                + "and termination_reason = 'resold the service against §8' and terminated_at is not null", sub));
        given().auth().oauth2(Tokens.service("request-service")).get("/internal/subjects/steward/ACCOUNT/" + sub + "/export")
                .then().statusCode(200).body("account[0].status", equalTo("TERMINATED_FOR_VIOLATION"))
                .body("account[0].termination.reason", equalTo("resold the service against §8"))
                .body("account[0].termination.by", equalTo("olivia"));
    }

    @Test
    void concurrentAcceptancesOfOneVersionRecordOne() throws Exception {
        String n = "2." + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON)
                .body("{\"number\":\"" + n + "\",\"effectiveDate\":\"" + LocalDate.now() + "\",\"summary\":\"s\",\"text\":\"t\"}")
                .post("/policy-versions").then().statusCode(201);
        String sub = AccountResourceTest.newSub();
        given().auth().oauth2(Tokens.customer(sub)).contentType(ContentType.JSON)
                .body(AccountResourceTest.signUpBody(sub + "@example.com", ",\"ageConfirmed\":true"))
                .post("/me").then().statusCode(201);
        Map<Integer, Integer> statuses = Race.of(8, () -> given().auth().oauth2(Tokens.customer(sub))
                .post("/policy-versions/" + n + "/acceptances").statusCode());
        assertEquals(Map.of(200, 7, 201, 1), statuses);
        assertEquals(1, Db.count(db, "select count(*) from policy_acceptance where version = ? and sub = ?", n, sub));
    }
}
