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
 * §8(b): a customer's ERASURE meets a legal hold that legal placed in disclosure-service; request-service
 * asks disclosure-service, refuses to erase (DENIED, LEGAL_HOLD, the outcome says what was kept and
 * why) and account-service still holds the data.
 */
@ExtendWith(StackExtension.class)
class ErasureUnderLegalHoldIT {

    @Test
    void anErasureIsBlockedByALegalHoldAndNothingIsErased(Stack stack) {
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

        // The release and the completed erasure (kept network logs stated) are not run yet: releasing a
        // hold answers 500 when disclosure-service migrates as a non-superuser owner (see e2e-tests/README.md).
    }

    private static boolean has(JsonNode array, java.util.function.Predicate<JsonNode> match) {
        return StreamSupport.stream(array.spliterator(), false).anyMatch(match);
    }
}
