package dev.steward.disclosure.accounting;

import static dev.steward.disclosure.record.Disclosures.post;
import static dev.steward.disclosure.record.Disclosures.subject;
import static dev.steward.disclosure.record.Disclosures.subpoena;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.steward.platform.testing.MovableClock;
import dev.steward.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountingTest {

    @Inject
    MovableClock clock;

    private static ValidatableResponse accounting(String org, String kind, String id) {
        return given().auth().oauth2(Tokens.service("request-service"))
                .when().get("/internal/subjects/" + org + "/" + kind + "/" + id + "/accounting")
                .then().statusCode(200);
    }

    @Test
    void gaggedEntryIsHiddenUntilTheOrderLapses() {
        String id = "gag-" + UUID.randomUUID();
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> gagged = subpoena(subject("acme", "END_USER", id), today);
        gagged.put("nonDisclosureOrder", Map.of("until", today.plusDays(30).toString()));
        io.restassured.path.json.JsonPath receipt = post(gagged).statusCode(201)
                .body("nonDisclosureActive", equalTo(true)).extract().jsonPath();
        Map<String, Object> indefinite = subpoena(subject("acme", "END_USER", id), today);
        indefinite.put("recipient", Map.of("type", "REGULATOR", "name", "Financial Regulator"));
        indefinite.put("nonDisclosureOrder", Map.of("indefinite", true, "reviewOn", today.plusDays(90).toString()));
        post(indefinite).statusCode(201);

        accounting("acme", "END_USER", id).body("entries", hasSize(0)).body("summaries", hasSize(0))
                .body("subject.id", equalTo(id));

        clock.advance(Duration.ofDays(30));
        accounting("acme", "END_USER", id).body("entries", hasSize(0)); // still the last day of the order

        clock.advance(Duration.ofDays(1));
        accounting("acme", "END_USER", id)
                .body("entries", hasSize(1))
                .body("entries[0].recipient", equalTo("City Police Department"))
                .body("entries[0].recipientType", equalTo("LAW_ENFORCEMENT"))
                .body("entries[0].legalBasis", equalTo("SUBPOENA"))
                .body("entries[0].disclosedOn", equalTo(today.toString()))
                .body("entries[0].categories", hasSize(2))
                .body("entries[0].purpose", equalTo("Criminal investigation"))
                // the entry's place in the ledger, so the subject can ask for a proof that it is recorded
                .body("entries[0].disclosureId", equalTo(receipt.getString("id")))
                .body("entries[0].ledgerIndex", equalTo(receipt.getInt("ledger.index")))
                .body("entries[0].ledgerIndex", equalTo(receipt.getInt("ledger.seq") - 1));
    }

    @Test
    void repeatedDisclosuresToOneRecipientForOnePurposeAreSummarised() {
        String id = "rep-" + UUID.randomUUID();
        LocalDate today = LocalDate.now(clock);
        for (int daysAgo : new int[] {20, 10, 3}) {
            post(subpoena(subject("acme", "ACCOUNT", id), today.minusDays(daysAgo))).statusCode(201);
        }
        Map<String, Object> other = subpoena(subject("acme", "ACCOUNT", id), today.minusDays(5));
        other.put("purpose", "Missing person search");
        post(other).statusCode(201);
        Map<String, Object> rejected = subpoena(subject("acme", "ACCOUNT", id), today);
        rejected.put("outcome", "REJECTED");
        rejected.remove("disclosedOn");
        rejected.put("dataCategories", List.of());
        post(rejected).statusCode(201);

        accounting("acme", "ACCOUNT", id)
                .body("entries", hasSize(2))
                .body("entries[0].disclosedOn", equalTo(today.minusDays(20).toString()))
                .body("summaries", hasSize(1))
                .body("summaries[0].recipient", equalTo("City Police Department"))
                .body("summaries[0].purpose", equalTo("Criminal investigation"))
                .body("summaries[0].firstDate", equalTo(today.minusDays(20).toString()))
                .body("summaries[0].lastDate", equalTo(today.minusDays(3).toString()))
                .body("summaries[0].count", equalTo(3));
    }
}
