package dev.steward.e2e;

import static dev.steward.e2e.Calls.approvedByLeo;
import static dev.steward.e2e.Calls.as;
import static dev.steward.e2e.Calls.body;
import static dev.steward.e2e.Calls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.e2e.stack.Stack;
import dev.steward.e2e.stack.Tokens;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A customer signs up, makes a consent choice, is seen in the network access logs, and asks for
 * their data: the ACCESS report, assembled by request-service from account-service's export with
 * the customer's own token, holds the account data, the access logs and the consents, and — from
 * disclosure-service's accounting — the disclosure that legal recorded about them.
 */
@ExtendWith(StackExtension.class)
class CustomerAccessRequestIT {

    @Test
    void aCustomersAccessReportHoldsAccountDataAccessLogsConsentsAndDisclosures(Stack stack) {
        String account = stack.url("account-service");
        String requests = stack.url("request-service");
        String carol = stack.tokens().user("carol");
        String sub = Tokens.claims(carol).path("sub").asText();

        as(carol).body(body(Map.of("fullName", "Carol Carter", "email", "carol.e2e@example.test", "phone", "+1 555 0199",
                "billingAddress", "7 Elm Street, Springfield", "paymentToken", "tok_e2e_carol", "cardLast4", "1881",
                "ageConfirmed", true))).post(account + "/me").then().statusCode(201);
        as(carol).body(body(Map.of("purpose", "MARKETING", "granted", false))).post(account + "/me/consents").then().statusCode(201);
        Calls.accessLog(stack, "steward", "ACCOUNT", sub, "198.51.100.23", "/me");
        // legal records a disclosure about carol (a subpoena, approved by a second person)
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        as(stack.tokens().user("lena")).body(body(approvedByLeo(stack, Map.of(
                        "recipient", Map.of("type", "LAW_ENFORCEMENT", "name", "Springfield Police Department"),
                        "legalBasis", "SUBPOENA", "caseReference", "SPD-2026-311",
                        "receivedOn", today, "disclosedOn", today,
                        "subjects", java.util.List.of(Map.of("org", "steward", "kind", "ACCOUNT", "id", sub)),
                        "dataCategories", java.util.List.of("user.name", "user.contact.email"),
                        "purpose", "fraud investigation", "outcome", "CONTENT_DISCLOSED"))))
                .post(stack.url("disclosure-service") + "/disclosures").then().statusCode(201);

        String id = as(carol).header("Idempotency-Key", "e2e-carol-access").body(body(Map.of("type", "ACCESS")))
                .post(requests + "/requests").then().statusCode(201).extract().path("id");
        JsonNode request = Calls.awaitSettled(stack, carol, id);
        assertEquals("COMPLETED", request.path("status").asText(), request.toPrettyString());
        assertEquals(sub, request.path("subject").path("id").asText());

        JsonNode report = json(as(carol).get(requests + "/requests/" + id + "/report").then().statusCode(200).extract().response());
        JsonNode data = report.path("personalData");
        assertTrue(has(data.path("fields"), f -> f.path("name").asText().equals("fullName")
                && f.path("value").asText().equals("Carol Carter") && f.path("category").asText().equals("user.name")), report.toPrettyString());
        assertTrue(has(data.path("fields"), f -> f.path("value").asText().equals("carol.e2e@example.test")));
        assertTrue(has(data.path("fields"), f -> f.path("value").asText().equals("1881")), "card last four");
        assertTrue(has(data.path("accessLogs"), l -> l.path("ip").asText().equals("198.51.100.23")
                && l.path("path").asText().equals("/me")), data.path("accessLogs").toString());
        assertTrue(has(data.path("consents"), c -> c.path("purpose").asText().equals("MARKETING")
                && !c.path("granted").asBoolean(true)), data.path("consents").toString());

        assertTrue(has(report.path("disclosures").path("entries"), d -> d.path("recipient").asText().equals("Springfield Police Department")
                && d.path("legalBasis").asText().equals("SUBPOENA") && d.path("recipientType").asText().equals("LAW_ENFORCEMENT")),
                report.path("disclosures").toString());

        // nobody else's token reads it: another customer gets 404
        as(stack.tokens().user("dave")).get(requests + "/requests/" + id + "/report").then().statusCode(404);
    }

    private static boolean has(JsonNode array, java.util.function.Predicate<JsonNode> match) {
        return StreamSupport.stream(array.spliterator(), false).anyMatch(match);
    }
}
