package dev.steward.request.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.steward.platform.testing.Tokens;
import dev.steward.request.Api;
import dev.steward.request.peer.Contract;
import dev.steward.request.peer.PeerStubs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Public intake, routing to the controller with a signed callback, and the rate limit. */
@QuarkusTest
class RoutingTest {

    private static final String SECRET = "whsec-initech-42";

    @PeerStubs.AccountStub
    WireMockServer account;

    @Test
    void anEndUsersRequestIsRoutedToItsClientWithASignedCallbackRetriedUntilAcknowledged() throws Exception {
        // the Client's callback endpoint (hosted on the stub server) fails once, then acknowledges
        String hook = "/client-hooks/initech";
        Contract.org(account, "initech", account.baseUrl() + hook, SECRET);
        account.stubFor(post(urlPathEqualTo(hook)).inScenario("hook").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        account.stubFor(post(urlPathEqualTo(hook)).inScenario("hook").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(202)));

        String id = given().header("X-Forwarded-For", "198.51.100.7").contentType(ContentType.JSON)
                .body(Map.of("type", "ERASURE", "jurisdiction", "CCPA", "contact", "pat@example.org",
                        "subject", Map.of("org", "initech", "kind", "END_USER", "id", "u-981")))
                .when().post("/public/requests").then().statusCode(201)
                .body("status", equalTo("ROUTED_TO_CONTROLLER")).extract().path("id");

        await().atMost(Duration.ofSeconds(30)).until(() -> account.findAll(postRequestedFor(urlPathEqualTo(hook))).size() >= 2);
        List<LoggedRequest> deliveries = account.findAll(postRequestedFor(urlPathEqualTo(hook)));
        LoggedRequest delivered = deliveries.get(deliveries.size() - 1);
        String body = delivered.getBodyAsString();
        String signature = delivered.getHeader(CallbackVerifier.HEADER);

        // a retry of one delivery keeps its delivery id
        String deliveryId = delivered.getHeader(CallbackVerifier.DELIVERY_HEADER);
        assertEquals(List.of(deliveryId, deliveryId), deliveries.stream()
                .map(d -> d.getHeader(CallbackVerifier.DELIVERY_HEADER)).toList());

        // what the Client does: verify, de-duplicate on the delivery id, then read the OpenDSR-like document
        CallbackVerifier verifier = new CallbackVerifier(SECRET);
        assertTrue(verifier.verify(signature, body, Instant.now()));
        assertEquals(CallbackVerifier.Verdict.NEW, verifier.accept(signature, deliveryId, body, Instant.now()));
        assertEquals(CallbackVerifier.Verdict.DUPLICATE, verifier.accept(signature, deliveryId, body, Instant.now()),
                "a replay of the same delivery is recognised");
        assertEquals(CallbackVerifier.Verdict.INVALID, verifier.accept(signature, java.util.UUID.randomUUID().toString(),
                body, Instant.now()), "the delivery id is signed: a replay under a new id does not verify");
        JsonNode doc = new ObjectMapper().readTree(body);
        assertEquals(id, doc.path("subject_request_id").asText());
        assertEquals("erasure", doc.path("subject_request_type").asText());
        assertEquals("u-981", doc.path("subject_identities").path(0).path("identity_value").asText());
        assertEquals("pat@example.org", doc.path("subject_identities").path(1).path("identity_value").asText());

        // a tampered body, a replay much later, or another secret do not verify
        assertFalse(verifier.verify(signature, body.replace("erasure", "access"), Instant.now()));
        assertFalse(verifier.verify(signature, body, Instant.now().plusSeconds(3600)));
        assertFalse(new CallbackVerifier("guess").verify(signature, body, Instant.now()));

        // the request is not executed by the provider; the routing is on record
        var seen = Api.get(Tokens.officer("olivia"), id);
        assertEquals("ROUTED_TO_CONTROLLER", seen.getString("status"));
        assertTrue(seen.getString("events[1].note").startsWith("§1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> Api.get(Tokens.officer("olivia"), id)
                .getList("executionLog.outcome").contains("SUCCEEDED"));
        assertEquals(List.of("FAILED", "SUCCEEDED"), Api.get(Tokens.officer("olivia"), id).getList("executionLog.outcome"));
        // and the Client's admin can follow it
        Api.get(Tokens.clientAdmin("ian", "initech"), id);
    }

    @Test
    void eachRoutedEventGetsItsOwnDeliveryId() {
        String hook = "/client-hooks/globex";
        Contract.org(account, "globex", account.baseUrl() + hook, SECRET);
        account.stubFor(post(urlPathEqualTo(hook)).willReturn(aResponse().withStatus(200)));
        for (String user : List.of("g-1", "g-2")) {
            given().header("X-Forwarded-For", "198.51.100.21").contentType(ContentType.JSON)
                    .body(Map.of("type", "ACCESS", "contact", user + "@example.org",
                            "subject", Map.of("org", "globex", "kind", "END_USER", "id", user)))
                    .when().post("/public/requests").then().statusCode(201);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> account.findAll(postRequestedFor(urlPathEqualTo(hook))).size() >= 2);
        List<LoggedRequest> deliveries = account.findAll(postRequestedFor(urlPathEqualTo(hook)));
        CallbackVerifier verifier = new CallbackVerifier(SECRET);
        List<String> ids = deliveries.stream().map(d -> d.getHeader(CallbackVerifier.DELIVERY_HEADER)).distinct().toList();
        assertEquals(2, ids.size(), "two events, two delivery ids: " + ids);
        for (LoggedRequest d : deliveries) {
            assertEquals(CallbackVerifier.Verdict.NEW, verifier.accept(d.getHeader(CallbackVerifier.HEADER),
                    d.getHeader(CallbackVerifier.DELIVERY_HEADER), d.getBodyAsString(), Instant.now()));
        }
    }

    @Test
    void aProviderVisitorWaitsForVerification() {
        given().header("X-Forwarded-For", "198.51.100.8").contentType(ContentType.JSON)
                .body(Map.of("type", "ACCESS", "contact", "v@example.org",
                        "subject", Map.of("org", "steward", "kind", "VISITOR", "id", "cookie-123")))
                .when().post("/public/requests").then().statusCode(201)
                .body("status", equalTo("PENDING_VERIFICATION"));
    }

    @Test
    void publicIntakeValidatesAndIsIdempotent() {
        given().header("X-Forwarded-For", "198.51.100.9").contentType(ContentType.JSON)
                .body(Map.of("type", "ACCESS", "subject", Map.of("org", "steward", "kind", "VISITOR", "id", "c")))
                .when().post("/public/requests").then().statusCode(400).body("errors.field", hasItem("contact"));
        Map<String, Object> body = Map.of("type", "ACCESS", "contact", "w@example.org",
                "subject", Map.of("org", "steward", "kind", "VISITOR", "id", "cookie-9"));
        String id = given().header("X-Forwarded-For", "198.51.100.9").header("Idempotency-Key", "pub-1")
                .contentType(ContentType.JSON).body(body).when().post("/public/requests").then().statusCode(201)
                .extract().path("id");
        given().header("X-Forwarded-For", "198.51.100.9").header("Idempotency-Key", "pub-1")
                .contentType(ContentType.JSON).body(body).when().post("/public/requests").then().statusCode(200)
                .body("id", equalTo(id));
    }

    @Test
    void tooManyPublicRequestsFromOneAddressAre429() {
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", "203.0.113.50").contentType(ContentType.JSON).body(visitor("z" + i + "@example.org"))
                    .when().post("/public/requests").then().statusCode(201);
        }
        String wait = given().header("X-Forwarded-For", "203.0.113.50").contentType(ContentType.JSON).body(visitor("z5@example.org"))
                .when().post("/public/requests").then().statusCode(429)
                .contentType("application/problem+json").body("status", equalTo(429)).extract().header("Retry-After");
        assertTrue(Integer.parseInt(wait) >= 1 && Integer.parseInt(wait) <= 12, "until one more of 5 per minute: " + wait);
        // another address (forwarded by the trusted proxy, here the test's own 127.0.0.1) is not affected
        given().header("X-Forwarded-For", "203.0.113.51").contentType(ContentType.JSON).body(visitor("z6@example.org"))
                .when().post("/public/requests").then().statusCode(201);
    }

    @Test
    void tooManyRequestsForOneEmailAddressAre429FromAnyAddress() {
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "203.0.113." + (60 + i)).contentType(ContentType.JSON)
                    .body(visitor(i == 1 ? "Same@Example.org" : "same@example.org"))
                    .when().post("/public/requests").then().statusCode(201);
        }
        String wait = given().header("X-Forwarded-For", "203.0.113.63").contentType(ContentType.JSON).body(visitor("same@example.ORG"))
                .when().post("/public/requests").then().statusCode(429)
                .contentType("application/problem+json").extract().header("Retry-After");
        assertTrue(Integer.parseInt(wait) > 12 && Integer.parseInt(wait) <= 300, "until one more of 3 per 15 minutes: " + wait);
    }

    private static Map<String, Object> visitor(String contact) {
        return Map.of("type", "ACCESS", "contact", contact, "subject", Map.of("org", "steward", "kind", "VISITOR", "id", "cookie-z"));
    }
}
