package dev.steward.e2e;

import static dev.steward.e2e.Calls.as;
import static dev.steward.e2e.Calls.body;
import static dev.steward.e2e.Calls.json;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.e2e.stack.Stack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Client's admin asks, on behalf of one of its end users, for that end user's data: the request
 * runs across request-service and account-service with real tokens and yields a report of the end
 * user's records. The same admin asking about another Client's end user learns nothing (404), and
 * the other Client's admin cannot see the first one's request.
 */
@ExtendWith(StackExtension.class)
class ClientAdminRequestIT {

    private static Stack stack;
    private static String account;
    private static String requests;

    @BeforeAll
    static void up(Stack running) {
        stack = running;
        account = running.url("account-service");
        requests = running.url("request-service");
        endUser("acme-admin", "acme", "e2e-acme-7", "erin.e2e@acme.test", "Springfield");
        endUser("globex-admin", "globex", "e2e-globex-9", "gil.e2e@globex.test", "Shelbyville");
    }

    private static void endUser(String admin, String org, String id, String email, String city) {
        String batch = body(Map.of("records", List.of(Map.of("id", id,
                "attributes", List.of(
                        Map.of("name", "email", "type", "STRING", "value", email, "category", "user.contact.email",
                                "purpose", "customer support"),
                        Map.of("name", "city", "type", "STRING", "value", city, "category", "user.contact.address.city")),
                "attestation", Map.of("attestedBy", admin, "attestedAt", "2026-01-10T08:00:00Z",
                        "basis", "consent collected at the end user's sign-up")))));
        as(stack.tokens().user(admin)).body(batch).post(account + "/orgs/" + org + "/end-users").then().statusCode(200)
                .body("records", equalTo(1));
    }

    @Test
    void aClientAdminGetsTheAccessReportOfItsOwnEndUser() {
        String admin = stack.tokens().user("acme-admin");
        String id = as(admin).header("Idempotency-Key", "e2e-acme-7-access")
                .body(body(Map.of("type", "ACCESS", "subject", Map.of("org", "acme", "kind", "END_USER", "id", "e2e-acme-7"),
                        "attestation", "Erin asked through Acme's support desk; identity checked by Acme")))
                .post(requests + "/requests").then().statusCode(201).extract().path("id");

        JsonNode request = Calls.awaitSettled(stack, admin, id);
        assertEquals("COMPLETED", request.path("status").asText(), request.toPrettyString());
        assertEquals("ON_BEHALF", request.path("manner").asText());

        JsonNode report = json(as(admin).get(requests + "/requests/" + id + "/report").then().statusCode(200).extract().response());
        assertEquals("acme", report.path("subject").path("org").asText());
        assertEquals("e2e-acme-7", report.path("subject").path("id").asText());
        Map<String, JsonNode> fields = byName(report.path("personalData").path("fields"));
        assertEquals("erin.e2e@acme.test", fields.get("email").path("value").asText(), report.toPrettyString());
        assertEquals("user.contact.email", fields.get("email").path("category").asText());
        assertEquals("Springfield", fields.get("city").path("value").asText());
        assertTrue(fields.get("email").hasNonNull("retention"), "each field states its retention");

        // the other Client's admin cannot see that request, nor its report
        String globex = stack.tokens().user("globex-admin");
        as(globex).get(requests + "/requests/" + id).then().statusCode(404);
        as(globex).get(requests + "/requests/" + id + "/report").then().statusCode(404);
    }

    @Test
    void aClientAdminCannotAskAboutAnotherClientsEndUser() {
        String admin = stack.tokens().user("acme-admin");
        as(admin).header("Idempotency-Key", "e2e-acme-asks-globex")
                .body(body(Map.of("type", "ACCESS", "subject", Map.of("org", "globex", "kind", "END_USER", "id", "e2e-globex-9"),
                        "attestation", "trying another tenant")))
                .post(requests + "/requests").then().statusCode(404).contentType("application/problem+json");
        // nor read the record itself
        as(admin).get(account + "/orgs/globex/end-users/e2e-globex-9").then().statusCode(404);
        // and nothing about globex's end user was created in acme's view
        JsonNode mine = json(as(admin).get(requests + "/requests").then().statusCode(200).extract().response());
        mine.path("items").forEach(r -> assertEquals("acme", r.path("subject").path("org").asText(), r.toString()));
    }

    private static Map<String, JsonNode> byName(JsonNode fields) {
        Map<String, JsonNode> out = new java.util.HashMap<>();
        fields.forEach(f -> out.put(f.path("name").asText(), f));
        return out;
    }
}
