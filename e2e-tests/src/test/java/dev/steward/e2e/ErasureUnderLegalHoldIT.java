package dev.steward.e2e;

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
 * §8: a customer's ERASURE meets a legal hold that legal placed in disclosure-service; request-service
 * asks disclosure-service, refuses to erase (DENIED, LEGAL_HOLD, the outcome says what was kept and
 * why) and account-service still holds the data. Once legal releases the hold and the privacy officer
 * retries, the erasure completes: the account is gone, and the outcome states that the network
 * access logs were kept (§8a).
 */
@ExtendWith(StackExtension.class)
class ErasureUnderLegalHoldIT {

    @Test
    void anErasureBlockedByALegalHoldCompletesAfterReleaseKeepingTheNetworkLogs(Stack stack) {
        String account = stack.url("account-service");
        String requests = stack.url("request-service");
        String disclosure = stack.url("disclosure-service");
        String dave = stack.tokens().user("dave");
        String officer = stack.tokens().user("olivia");
        String legal = stack.tokens().user("lena");
        String sub = Tokens.claims(dave).path("sub").asText();
        Map<String, String> subject = Map.of("org", "steward", "kind", "ACCOUNT", "id", sub);

        as(dave).body(body(Map.of("fullName", "Dave Dawson", "email", "dave.e2e@example.test", "phone", "+1 555 0142",
                "billingAddress", "9 Oak Road, Springfield", "paymentToken", "tok_e2e_dave", "cardLast4", "5005",
                "ageConfirmed", true))).post(account + "/me").then().statusCode(201);
        Calls.accessLog(stack, "steward", "ACCOUNT", sub, "192.0.2.44", "/me");

        String holdId = as(legal).body(body(Map.of("subject", subject, "reason", "FRAUD_INVESTIGATION",
                        "description", "chargeback fraud investigation", "caseReference", "FR-2026-17")))
                .post(disclosure + "/holds").then().statusCode(201).extract().path("id");

        // Dave asks to be erased. Password-grant tokens carry no recent auth_time, so the request waits
        // for a privacy officer to verify it, who approves.
        String id = as(dave).header("Idempotency-Key", "e2e-dave-erasure").body(body(Map.of("type", "ERASURE")))
                .post(requests + "/requests").then().statusCode(201).extract().path("id");
        JsonNode submitted = json(as(dave).get(requests + "/requests/" + id).then().statusCode(200).extract().response());
        assertEquals("PENDING_VERIFICATION", submitted.path("status").asText(), submitted.toPrettyString());
        as(officer).body(body(Map.of("note", "identity verified by phone call"))).post(requests + "/requests/" + id + "/approve")
                .then().statusCode(200);

        JsonNode blocked = Calls.awaitSettled(stack, officer, id);
        assertEquals("DENIED", blocked.path("status").asText(), blocked.toPrettyString());
        assertEquals("LEGAL_HOLD", blocked.path("denialReason").asText(), blocked.toPrettyString());
        assertTrue(has(blocked.path("outcome").path("kept"), k -> "8b".equals(k.path("exception").asText())
                && k.path("reason").asText().contains("FRAUD_INVESTIGATION")), blocked.toPrettyString());
        assertTrue(blocked.path("outcome").path("erased").isEmpty(), blocked.toPrettyString());
        as(legal).get(disclosure + "/holds/" + holdId).then().statusCode(200).body("active", org.hamcrest.Matchers.is(true));
        as(dave).get(account + "/me").then().statusCode(200); // nothing erased

        // legal releases the hold, the privacy officer retries: the erasure completes, keeping the
        // network access logs (§8a) and saying so
        as(legal).body(body(Map.of("reason", "investigation closed, no fraud found")))
                .post(disclosure + "/holds/" + holdId + "/release").then().statusCode(200);
        as(officer).body(body(Map.of("note", "hold FR-2026-17 released"))).post(requests + "/requests/" + id + "/retry")
                .then().statusCode(200);
        JsonNode done = Calls.awaitSettled(stack, officer, id);
        assertEquals("COMPLETED", done.path("status").asText(), done.toPrettyString());
        JsonNode outcome = done.path("outcome");
        assertTrue(has(outcome.path("erased"), e -> e.path("what").asText().equals("account") && e.path("count").asInt() == 1),
                outcome.toPrettyString());
        assertTrue(has(outcome.path("kept"), k -> "8a".equals(k.path("exception").asText())
                && k.path("what").asText().contains("network access logs") && k.path("count").asInt() >= 1),
                "the kept network access logs are stated: " + outcome.toPrettyString());
        as(dave).get(account + "/me").then().statusCode(404);
    }

    private static boolean has(JsonNode array, java.util.function.Predicate<JsonNode> match) {
        return StreamSupport.stream(array.spliterator(), false).anyMatch(match);
    }
}
