package dev.steward.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.e2e.stack.Stack;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/** Small helpers for the scenarios: JSON calls with a bearer token, and waiting for a request to settle. */
final class Calls {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> SETTLED = Set.of("COMPLETED", "PARTIALLY_COMPLETED", "DENIED", "CANCELLED", "FAILED",
            "ROUTED_TO_CONTROLLER");

    private Calls() {
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static JsonNode json(Response response) {
        try {
            return JSON.readTree(response.asString());
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + response.asString(), e);
        }
    }

    static String body(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A disclosure to law enforcement or a regulator as the suite records it: first approved, exactly as it is
     * to be recorded, by leo — the second legal user, signed in as himself (four eyes); the answer names his approval.
     */
    static Map<String, Object> approvedByLeo(Stack stack, Map<String, Object> disclosure) {
        String approval = as(stack.tokens().user("leo")).body(body(disclosure))
                .post(stack.url("disclosure-service") + "/disclosure-approvals").then().statusCode(201).extract().path("id");
        Map<String, Object> approved = new java.util.LinkedHashMap<>(disclosure);
        approved.put("approval", approval);
        return approved;
    }

    /** Polls GET /requests/{id} (as {@code token}) until the request leaves the working states; returns it. */
    static JsonNode awaitSettled(Stack stack, String token, String requestId) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Response r = as(token).get(stack.url("request-service") + "/requests/" + requestId);
                if (r.statusCode() != 200) {
                    throw new AssertionError("GET /requests/" + requestId + " answered " + r.statusCode() + ": " + r.asString());
                }
                JsonNode request = json(r);
                last.set(request);
                return SETTLED.contains(request.path("status").asText());
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("request " + requestId + " did not settle; last seen: "
                    + (last.get() == null ? "nothing" : last.get().toPrettyString()), e);
        }
        return last.get();
    }

    /** Network access log entries for a subject, sent as the services' gateway would (a service token). */
    static void accessLog(Stack stack, String org, String kind, String id, String ip, String path) {
        String service = stack.tokens().service("request-service");
        String entry = body(java.util.Map.of("entries", java.util.List.of(java.util.Map.of(
                "subject", java.util.Map.of("org", org, "kind", kind, "id", id),
                "ip", ip, "at", "2026-01-15T09:30:00Z", "durationMs", 42, "userAgent", "e2e-browser/1.0", "path", path))));
        as(service).body(entry).post(stack.url("account-service") + "/internal/access-logs").then().statusCode(200);
    }
}
