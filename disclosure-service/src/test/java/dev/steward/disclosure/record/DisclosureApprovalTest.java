package dev.steward.disclosure.record;

import static dev.steward.disclosure.record.Disclosures.subject;
import static dev.steward.disclosure.record.Disclosures.subpoena;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.steward.platform.testing.MovableClock;
import dev.steward.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Four eyes on a direct disclosure: a second legal user's approval of exactly that disclosure, used once. */
@QuarkusTest
class DisclosureApprovalTest {

    @Inject
    MovableClock clock;

    private static String approve(String legalUser, Map<String, Object> disclosure) {
        return given().auth().oauth2(Tokens.legal(legalUser)).contentType(ContentType.JSON).body(disclosure)
                .when().post("/disclosure-approvals")
                .then().statusCode(201).body("approvedBy", equalTo(legalUser)).body("contentDigest", notNullValue())
                .extract().path("id");
    }

    private static ValidatableResponse record(String legalUser, Map<String, Object> disclosure, String approval) {
        Map<String, Object> body = new HashMap<>(disclosure);
        body.put("approval", approval);
        return given().auth().oauth2(Tokens.legal(legalUser)).contentType(ContentType.JSON).body(body)
                .when().post("/disclosures").then();
    }

    @Test
    void aSecondSignedInUserApprovesTheExactDisclosureOnce() {
        Map<String, Object> d = subpoena(subject("acme", "END_USER", "ap-" + UUID.randomUUID()), LocalDate.now(clock));
        String approval = approve("priya", d);
        record("lena", d, approval).statusCode(201).body("approver", equalTo("priya"));
        given().auth().oauth2(Tokens.auditor("audrey")).when().get("/disclosure-approvals/" + approval).then()
                .statusCode(200).body("usedAt", notNullValue());
        // used once
        record("lena", d, approval).statusCode(422).body("errors[0].field", equalTo("approval"));
    }

    @Test
    void theRecorderCannotApproveAndAnApprovalCoversOnlyWhatWasApproved() {
        Map<String, Object> d = subpoena(subject("acme", "END_USER", "ap-" + UUID.randomUUID()), LocalDate.now(clock));
        String own = approve("lena", d);
        record("lena", d, own).statusCode(422).body("type", org.hamcrest.Matchers.endsWith("four-eyes"))
                .body("errors[0].field", equalTo("approval"));

        String approval = approve("priya", d);
        Map<String, Object> changed = new HashMap<>(d);
        changed.put("purpose", "Something else");
        record("lena", changed, approval).statusCode(422).body("errors[0].field", equalTo("approval"));
        record("lena", d, UUID.randomUUID().toString()).statusCode(422).body("errors[0].field", equalTo("approval"));
        // the refused attempts left it unused
        record("lena", d, approval).statusCode(201).body("approver", equalTo("priya"));

        Map<String, Object> voluntary = Disclosures.toServiceProvider(subject("acme", "END_USER", "ap-x"));
        given().auth().oauth2(Tokens.legal("priya")).contentType(ContentType.JSON).body(voluntary)
                .when().post("/disclosure-approvals").then().statusCode(422);
        given().auth().oauth2(Tokens.auditor("audrey")).contentType(ContentType.JSON).body(d)
                .when().post("/disclosure-approvals").then().statusCode(403);
    }
}
