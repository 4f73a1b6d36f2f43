package dev.steward.disclosure.demand;

import static dev.steward.disclosure.demand.Demands.category;
import static dev.steward.disclosure.demand.Demands.intake;
import static dev.steward.disclosure.demand.Demands.receive;
import static dev.steward.disclosure.demand.Demands.review;
import static dev.steward.disclosure.demand.Demands.subject;
import static dev.steward.disclosure.demand.Demands.to;
import static dev.steward.disclosure.demand.Demands.verify;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.steward.platform.testing.MovableClock;
import dev.steward.platform.testing.Tokens;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LegalDemandTest {

    @Inject
    MovableClock clock;

    @Test
    void subpoenaIsNarrowedApprovedByASecondPersonAndPartlyProduced() {
        LocalDate today = LocalDate.now(clock);
        String org = "acme-" + UUID.randomUUID();
        String id = receive("lena", intake("SUBPOENA", "US", List.of(subject(org, "u-1"), subject(org, "u-2")),
                List.of("user.contact.email", "user.access_history", "user.content.messages"), today, 14));
        given().auth().oauth2(Tokens.auditor("audrey")).when().get("/legal-demands/" + id).then().statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("recordedBy", equalTo("lena"))
                .body("accountsSpecified", equalTo(2))
                .body("allowedTransitions", equalTo(List.of("VERIFIED", "REJECTED")))
                .body("events", hasSize(1))
                .body("events[0].ledgerSeq", notNullValue());

        // not allowed from RECEIVED: 409 naming both statuses
        to("lena", id, "IN_REVIEW", null).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("RECEIVED")).body("detail", containsString("IN_REVIEW"));
        // VERIFIED needs how it was checked
        to("lena", id, "VERIFIED", null).statusCode(422).body("errors[0].field", equalTo("verification"));
        verify("lena", id);
        to("lena", id, "IN_REVIEW", null).statusCode(200).body("status", equalTo("IN_REVIEW"));
        to("lena", id, "NARROWED", null).statusCode(422).body("errors[0].field", equalTo("reason"));
        to("lena", id, "NARROWED", "Agreed with the detective: two months of logs, no content").statusCode(200)
                .body("contested", equalTo(true));

        // content is outside a subpoena's scope: producing it needs a justification
        review("lena", id, List.of(category("user.contact.email", true, null), category("user.access_history", true, null),
                category("user.content.messages", true, null))).statusCode(422)
                .body("errors.field", hasItem("categories[2].justification"));
        // approving before the scope review is refused
        to("leo", id, "APPROVED_FOR_PRODUCTION", null).statusCode(409);
        review("lena", id, List.of(category("user.contact.email", true, null), category("user.access_history", true, null),
                category("user.content.messages", false, null))).statusCode(200).body("scopeReviewed", equalTo(true));

        // four eyes: the recorder cannot approve; another legal user can
        to("lena", id, "APPROVED_FOR_PRODUCTION", null).statusCode(403).contentType("application/problem+json")
                .body("type", containsString("four-eyes"));
        to("leo", id, "APPROVED_FOR_PRODUCTION", "Narrowed scope is lawful").statusCode(200)
                .body("approvedBy", equalTo("leo"));

        // a category the review did not approve is not produced
        Demands.move("lena", id, Map.of("to", "PRODUCED_PARTIAL", "production", Map.of("subjects", List.of(subject(org, "u-1")),
                "categories", List.of("user.content.messages"), "sha256", Demands.HASH))).statusCode(422)
                .body("errors[0].field", equalTo("production.categories[0]"));
        // all requested categories were not produced: FULL is refused
        Demands.move("lena", id, Map.of("to", "PRODUCED_FULL", "production", Map.of("subjects", List.of(subject(org, "u-1")),
                "categories", List.of("user.contact.email"), "sha256", Demands.HASH))).statusCode(422)
                .body("errors[0].field", equalTo("to"));
        String disclosure = Demands.move("lena", id, Map.of("to", "PRODUCED_PARTIAL", "reason", "Produced the narrowed set",
                        "production", Map.of("subjects", List.of(subject(org, "u-1")),
                                "categories", List.of("user.contact.email", "user.access_history"), "sha256", Demands.HASH)))
                .statusCode(200)
                .body("status", equalTo("PRODUCED_PARTIAL"))
                .body("accountsAffected", equalTo(1))
                .body("disclosures", hasSize(1))
                .body("allowedTransitions", hasSize(0))
                .extract().path("disclosures[0]");

        given().auth().oauth2(Tokens.auditor("audrey")).when().get("/disclosures/" + disclosure).then().statusCode(200)
                .body("legalBasis", equalTo("SUBPOENA"))
                .body("recipient.type", equalTo("LAW_ENFORCEMENT"))
                .body("outcome", equalTo("NON_CONTENT_DISCLOSED"))
                .body("approver", equalTo("leo"))
                .body("subjects", hasSize(1))
                .body("attachments[0].sha256", equalTo(Demands.HASH))
                .body("purpose", containsString(id));
        given().auth().oauth2(Tokens.auditor("audrey")).when().get("/legal-demands/" + id).then().statusCode(200)
                .body("events", hasSize(7))
                .body("events.ledgerSeq", everyItem(notNullValue()))
                .body("events[6].from", equalTo("APPROVED_FOR_PRODUCTION"))
                .body("events[6].to", equalTo("PRODUCED_PARTIAL"))
                .body("events[6].actor", equalTo("lena"))
                .body("events[6].details.sha256", equalTo(Demands.HASH))
                .body("events[6].disclosureId", equalTo(disclosure));
        given().auth().oauth2(Tokens.auditor("audrey")).when().get("/ledger/verify").then().statusCode(200)
                .body("valid", equalTo(true));
        // the end is the end
        to("leo", id, "REJECTED", null).statusCode(409).body("detail", containsString("PRODUCED_PARTIAL"));
    }

    @Test
    void overbroadDemandIsRejectedWithoutDisclosure() {
        LocalDate today = LocalDate.now(clock);
        String org = "acme-" + UUID.randomUUID();
        String id = receive("lena", intake("COURT_ORDER", "DE", List.of(subject(org, "u-9")),
                List.of("user.content"), today, 30));
        verify("lena", id);
        to("lena", id, "IN_REVIEW", null).statusCode(200);
        to("lena", id, "REJECTED", "Asks for every message ever sent").statusCode(422)
                .body("errors[0].field", equalTo("reasonCode"));
        Demands.move("lena", id, Map.of("to", "REJECTED", "reasonCode", "OVERBROAD", "reason", "Asks for everything"))
                .statusCode(200).body("status", equalTo("REJECTED")).body("disclosures", hasSize(0))
                .body("accountsAffected", equalTo(0));
        given().auth().oauth2(Tokens.legal("lena")).queryParam("org", org).queryParam("kind", "END_USER").queryParam("id", "u-9")
                .when().get("/disclosures").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void emergencyRequestsAreOnTopOfEveryList() {
        LocalDate today = LocalDate.now(clock);
        String org = "acme-" + UUID.randomUUID();
        String normal = receive("lena", intake("SUBPOENA", "FR", List.of(subject(org, "u-1")),
                List.of("user.contact.email"), today, 1));
        Map<String, Object> urgent = intake("EMERGENCY_REQUEST", "FR", List.of(subject(org, "u-2")),
                List.of("user.location"), today, 3);
        given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON).body(urgent)
                .when().post("/legal-demands").then().statusCode(400)
                .body("errors.field", hasItem("emergencyJustification"));
        urgent.put("emergency", true);
        urgent.put("emergencyJustification", "Credible threat to life reported by the caller");
        String emergency = receive("lena", urgent);

        given().auth().oauth2(Tokens.officer("olga")).queryParam("limit", 500).when().get("/legal-demands")
                .then().statusCode(200).body("items[0].emergency", equalTo(true));
        given().auth().oauth2(Tokens.officer("olga")).queryParam("view", "due-soon").queryParam("limit", 500)
                .when().get("/legal-demands").then().statusCode(200)
                .body("items[0].emergency", equalTo(true))
                .body("items.id", hasItem(normal))
                .body("items.id", hasItem(emergency));
        given().auth().oauth2(Tokens.auditor("audrey")).when().get("/legal-demands/scope-rules").then().statusCode(200)
                .body("SUBPOENA", hasItem("user.contact"))
                .body("SEARCH_WARRANT", equalTo(List.of("*")))
                .body("PRESERVATION_REQUEST", hasSize(0));
        given().auth().oauth2(Tokens.officer("olga")).queryParam("view", "sideways").when().get("/legal-demands")
                .then().statusCode(400).body("errors[0].field", equalTo("view"));
        // customers and client-admins are refused; only legal writes
        given().auth().oauth2(Tokens.customer("cora")).when().get("/legal-demands").then().statusCode(403);
        given().auth().oauth2(Tokens.auditor("audrey")).contentType(ContentType.JSON).body(urgent)
                .when().post("/legal-demands").then().statusCode(403);
    }

    @Test
    void idempotencyKeyRecordsOneDemand() {
        LocalDate today = LocalDate.now(clock);
        String org = "acme-" + UUID.randomUUID();
        Map<String, Object> body = intake("SUBPOENA", "GB", List.of(subject(org, "u-1")), List.of("user.contact.email"), today, 10);
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(Tokens.legal("lena")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).when().post("/legal-demands").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.legal("lena")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).when().post("/legal-demands").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
    }

    @Test
    void cardNumbersAndNulBytesAreRefusedAsEverywhere() {
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> body = intake("SUBPOENA", "US", List.of(subject("acme", "u-1")), List.of("user.contact.email"), today, 10);
        body.put("description", "Asks about card 4111 1111-1111 1111");
        given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON).body(body)
                .when().post("/legal-demands").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("description"))
                .body(org.hamcrest.Matchers.not(containsString("4111")));
        body.put("description", "nul \u0000 byte");
        given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON).body(body)
                .when().post("/legal-demands").then().statusCode(org.hamcrest.Matchers.both(
                        org.hamcrest.Matchers.greaterThanOrEqualTo(400)).and(org.hamcrest.Matchers.lessThan(500)))
                .contentType("application/problem+json");
    }
}
