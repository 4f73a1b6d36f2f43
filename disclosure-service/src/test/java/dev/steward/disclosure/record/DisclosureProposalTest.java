package dev.steward.disclosure.record;

import static dev.steward.disclosure.record.Disclosures.subject;
import static dev.steward.disclosure.record.Disclosures.subpoena;
import static dev.steward.disclosure.record.Disclosures.toServiceProvider;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.steward.platform.testing.MovableClock;
import dev.steward.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Four eyes as two people do it: lena proposes a disclosure to law enforcement, a second legal
 * user approves it (and so records it) or declines it, lena may withdraw it; lena cannot approve it.
 */
@QuarkusTest
class DisclosureProposalTest {

    @Inject
    MovableClock clock;

    private static ValidatableResponse propose(String legalUser, Object body) {
        return given().auth().oauth2(Tokens.legal(legalUser)).contentType(ContentType.JSON).body(body)
                .when().post("/disclosure-proposals").then();
    }

    private static ValidatableResponse approve(String legalUser, String id) {
        return given().auth().oauth2(Tokens.legal(legalUser)).when().post("/disclosure-proposals/" + id + "/approval").then();
    }

    private static ValidatableResponse decline(String legalUser, String id, Object body) {
        return given().auth().oauth2(Tokens.legal(legalUser)).contentType(ContentType.JSON).body(body)
                .when().post("/disclosure-proposals/" + id + "/decline").then();
    }

    private static ValidatableResponse disclosuresAbout(String subjectId) {
        return given().auth().oauth2(Tokens.auditor("audrey")).queryParam("org", "acme").queryParam("kind", "END_USER")
                .queryParam("id", subjectId).when().get("/disclosures").then().statusCode(200);
    }

    @Test
    void aSecondLegalUserApprovesAndSoRecordsTheDisclosureAsProposed() {
        String who = "prop-" + UUID.randomUUID();
        Map<String, Object> d = subpoena(subject("acme", "END_USER", who), LocalDate.now(clock));
        String id = propose("lena", d).statusCode(201).header("Location", containsString("/disclosure-proposals/"))
                .body("status", equalTo("AWAITING_APPROVAL")).body("proposedBy", equalTo("lena"))
                .body("disclosure.caseReference", equalTo("SUB-2026-0042")).body("disclosureId", nullValue())
                .extract().path("id");
        given().auth().oauth2(Tokens.auditor("audrey")).queryParam("status", "AWAITING_APPROVAL")
                .when().get("/disclosure-proposals").then().statusCode(200).body("items.id", hasItem(id));
        disclosuresAbout(who).body("items", hasSize(0));

        approve("lena", id).statusCode(422).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("four-eyes")).body("errors[0].field", equalTo("approval"));
        String disclosure = approve("priya", id).statusCode(200).body("status", equalTo("RECORDED"))
                .body("decidedBy", equalTo("priya")).body("disclosureId", notNullValue()).extract().path("disclosureId");

        given().auth().oauth2(Tokens.officer("olivia")).when().get("/disclosures/" + disclosure).then().statusCode(200)
                .body("recordedBy", equalTo("lena")).body("approver", equalTo("priya"))
                .body("caseReference", equalTo("SUB-2026-0042")).body("ledger.seq", notNullValue());
        disclosuresAbout(who).body("items", hasSize(1));
        // decided: neither a second approval nor a decline
        approve("leo", id).statusCode(409).body("detail", containsString("RECORDED"))
                .body("detail", containsString("AWAITING_APPROVAL"));
        decline("leo", id, Map.of("reason", "too late")).statusCode(409);
        disclosuresAbout(who).body("items", hasSize(1));
        given().auth().oauth2(Tokens.auditor("audrey")).queryParam("status", "AWAITING_APPROVAL")
                .when().get("/disclosure-proposals").then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void declinedByASecondUserOrWithdrawnByTheProposerRecordsNothing() {
        String who = "prop-" + UUID.randomUUID();
        Map<String, Object> d = subpoena(subject("acme", "END_USER", who), LocalDate.now(clock));
        String declined = propose("lena", d).statusCode(201).extract().path("id");
        decline("leo", declined, Map.of("reason", "The subpoena names the wrong account")).statusCode(200)
                .body("status", equalTo("DECLINED")).body("decidedBy", equalTo("leo"))
                .body("reason", equalTo("The subpoena names the wrong account"));
        approve("priya", declined).statusCode(409).body("detail", containsString("DECLINED"));

        String withdrawn = propose("lena", d).statusCode(201).extract().path("id");
        decline("lena", withdrawn, Map.of("reason", "Entered twice")).statusCode(200).body("status", equalTo("WITHDRAWN"));
        disclosuresAbout(who).body("items", hasSize(0));
    }

    @Test
    void badProposalsAndCallersAreRefused() {
        Map<String, Object> d = subpoena(subject("acme", "END_USER", "prop-bad"), LocalDate.now(clock));
        propose("lena", toServiceProvider(subject("acme", "END_USER", "prop-bad"))).statusCode(422)
                .body("errors[0].field", equalTo("recipient.type"));
        Map<String, Object> typed = new java.util.HashMap<>(d);
        typed.put("approver", "priya");
        propose("lena", typed).statusCode(422).body("errors[0].field", equalTo("approver"));
        Map<String, Object> noPurpose = new java.util.HashMap<>(d);
        noPurpose.remove("purpose");
        propose("lena", noPurpose).statusCode(400).body("errors.field", hasItem("purpose"));
        given().auth().oauth2(Tokens.auditor("audrey")).contentType(ContentType.JSON).body(d)
                .when().post("/disclosure-proposals").then().statusCode(403);

        String id = propose("lena", d).statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.officer("olivia")).when().post("/disclosure-proposals/" + id + "/approval")
                .then().statusCode(403);
        decline("leo", id, Map.of()).statusCode(400).body("errors.field", hasItem("reason"));
        decline("leo", id, Map.of("reason", " ")).statusCode(400);
        decline("leo", id, Map.of("reason", "bad\u0000byte")).statusCode(400).contentType("application/problem+json");
        decline("leo", id, Map.of("reason", 42)).statusCode(400).contentType("application/problem+json");
        approve("priya", UUID.randomUUID().toString()).statusCode(404);
        given().auth().oauth2(Tokens.auditor("audrey")).queryParam("status", "MAYBE").when().get("/disclosure-proposals")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("status"));
        given().auth().oauth2(Tokens.auditor("audrey")).queryParam("cursor", "not-a-cursor").when().get("/disclosure-proposals")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
        // nobody outside legal, privacy officers and auditors reads what legal proposes to disclose
        given().auth().oauth2(Tokens.customer("carol")).when().get("/disclosure-proposals/" + id).then().statusCode(403);
        given().auth().oauth2(Tokens.customer("carol")).when().get("/disclosure-proposals").then().statusCode(403);
        given().when().get("/disclosure-proposals").then().statusCode(401);
        given().auth().oauth2(Tokens.auditor("audrey")).when().get("/disclosure-proposals/" + id).then().statusCode(200)
                .body("status", equalTo("AWAITING_APPROVAL"));
    }

    @Test
    void aRetriedProposalIsStoredOnce() {
        Map<String, Object> d = subpoena(subject("acme", "END_USER", "prop-" + UUID.randomUUID()), LocalDate.now(clock));
        String key = UUID.randomUUID().toString();
        String id = given().auth().oauth2(Tokens.legal("lena")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(d).when().post("/disclosure-proposals").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.legal("lena")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(d).when().post("/disclosure-proposals").then().statusCode(201).body("id", equalTo(id));
    }
}
