package dev.steward.e2e;

import static dev.steward.e2e.Calls.approvedByLeo;
import static dev.steward.e2e.Calls.as;
import static dev.steward.e2e.Calls.body;
import static dev.steward.e2e.Calls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.e2e.stack.Stack;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs after the other end-to-end classes (junit-platform.properties orders classes by @Order): the
 * disclosure ledger, appended to by every disclosure recorded during the run, still verifies from
 * its first entry to its head, as an auditor sees it.
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(StackExtension.class)
class LedgerAfterTheRunIT {

    @Test
    void theLedgerVerifiesAfterTheRun(Stack stack) {
        String disclosure = stack.url("disclosure-service");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        // one more entry of its own, so that the check never runs on an empty ledger
        as(stack.tokens().user("lena")).body(body(approvedByLeo(stack, Map.of(
                        "recipient", Map.of("type", "LAW_ENFORCEMENT", "name", "Shelbyville County Sheriff"),
                        "legalBasis", "SEARCH_WARRANT", "caseReference", "SW-2026-0042",
                        "receivedOn", today, "disclosedOn", today,
                        "subjects", List.of(Map.of("org", "globex", "kind", "END_USER", "id", "e2e-globex-9")),
                        "dataCategories", List.of("user.contact.email"),
                        "purpose", "criminal investigation", "outcome", "NON_CONTENT_DISCLOSED"))))
                .post(disclosure + "/disclosures").then().statusCode(201);

        JsonNode verification = json(as(stack.tokens().user("audrey")).get(disclosure + "/ledger/verify")
                .then().statusCode(200).extract().response());
        assertTrue(verification.path("valid").asBoolean(), verification.toPrettyString());
        assertTrue(verification.path("firstBroken").isNull(), verification.toPrettyString());
        assertTrue(verification.path("size").asLong() >= 1, verification.toPrettyString());
        assertEquals(verification.path("size").asLong(), verification.path("checked").asLong(), verification.toPrettyString());
    }
}
