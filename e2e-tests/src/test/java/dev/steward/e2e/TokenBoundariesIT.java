package dev.steward.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.e2e.stack.Stack;
import dev.steward.e2e.stack.Tokens;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may call what, with real Keycloak tokens against the running services: each token carries the
 * audiences it should and no other, a service refuses a token meant for another, and a customer is
 * refused on every internal endpoint.
 */
@ExtendWith(StackExtension.class)
class TokenBoundariesIT {

    /** Which services each service's client-credentials token is meant for (the peers it calls). */
    private static final Map<String, Set<String>> SERVICE_AUDIENCES = Map.of(
            "account-service", Set.of("disclosure-service"),
            "request-service", Set.of("account-service", "disclosure-service"),
            "disclosure-service", Set.of("account-service"));

    private static Stack stack;
    private static Tokens tokens;

    @BeforeAll
    static void up(Stack running) {
        stack = running;
        tokens = running.tokens();
    }

    @Test
    void portalTokensCarryTheThreeServiceAudiencesTheirRolesAndOrg() {
        JsonNode admin = Tokens.claims(tokens.user("acme-admin"));
        assertEquals(Set.copyOf(Stack.SERVICES), audiences(admin));
        assertEquals(Set.of("client-admin"), strings(admin.path("realm_access").path("roles")));
        assertEquals("acme", admin.path("org").asText());
        assertEquals("globex", Tokens.claims(tokens.user("globex-admin")).path("org").asText());

        JsonNode customer = Tokens.claims(tokens.user("alice"));
        assertEquals(Set.copyOf(Stack.SERVICES), audiences(customer));
        assertEquals(Set.of("customer"), strings(customer.path("realm_access").path("roles")));
        assertFalse(customer.has("org"), "a directly signed-up customer has no org claim");

        for (var user : Map.of("olivia", "privacy-officer", "lena", "legal", "audrey", "auditor", "bob", "customer").entrySet()) {
            assertEquals(Set.of(user.getValue()), strings(Tokens.claims(tokens.user(user.getKey())).path("realm_access").path("roles")),
                    user.getKey() + "'s roles");
        }
    }

    @Test
    void serviceTokensCarryOnlyThePeersTheyCall() {
        SERVICE_AUDIENCES.forEach((client, expected) -> {
            JsonNode claims = Tokens.claims(tokens.service(client));
            assertEquals(expected, audiences(claims), client + "'s token audiences");
            assertEquals(Set.of("service"), strings(claims.path("realm_access").path("roles")), client + "'s token roles");
            assertEquals(client, claims.path("azp").asText());
        });
    }

    @Test
    void aServiceTokenIsAcceptedOnlyByTheServicesItIsMeantFor() {
        String internalOrg = stack.url("account-service") + "/internal/orgs/acme";
        // meant for account-service: accepted
        given().auth().oauth2(tokens.service("request-service")).get(internalOrg).then().statusCode(200);
        given().auth().oauth2(tokens.service("disclosure-service")).get(internalOrg).then().statusCode(200);
        // account-service's own token is meant for disclosure-service only
        given().auth().oauth2(tokens.service("account-service")).get(internalOrg).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void everySecuredOperationRefusesAServiceTokenMeantForAnotherService() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String target : Stack.SERVICES) {
            // secured = refused without a token (the @PermitAll ones, like the public sub-processor list, are not)
            List<OpenApi.Operation> secured = OpenApi.operations(stack.url(target)).stream()
                    .filter(op -> call(target, op, null) == 401).toList();
            assertFalse(secured.isEmpty(), target + " publishes secured operations");
            for (String client : Stack.SERVICES) {
                if (SERVICE_AUDIENCES.get(client).contains(target)) {
                    continue;
                }
                String token = tokens.service(client);
                for (OpenApi.Operation op : secured) {
                    int status = call(target, op, token);
                    checked++;
                    if (status != 401) {
                        failures.add(target + " " + op + " answered " + status + " to " + client + "'s token");
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), "accepted tokens not meant for the service:\n" + String.join("\n", failures));
        assertTrue(checked > 0);
    }

    @Test
    void aCustomerTokenIsRefusedOnEveryInternalEndpoint() {
        String customer = tokens.user("alice");
        List<String> failures = new ArrayList<>();
        Set<String> internal = new TreeSet<>();
        for (String target : Stack.SERVICES) {
            for (OpenApi.Operation op : OpenApi.operations(stack.url(target))) {
                if (!op.path().startsWith("/internal/")) {
                    continue;
                }
                internal.add(target + " " + op);
                assertEquals(401, call(target, op, null), target + " " + op + " without a token");
                int status = call(target, op, customer);
                if (status != 403) {
                    failures.add(target + " " + op + " answered " + status + " to a customer");
                }
            }
        }
        assertTrue(internal.contains("account-service GET /internal/orgs/{id}"), "internal endpoints found: " + internal);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static int call(String service, OpenApi.Operation op, String token) {
        RequestSpecification spec = given().baseUri(stack.url(service)).accept("*/*");
        if (token != null) {
            spec = spec.auth().oauth2(token);
        }
        if (op.contentType() != null) {
            spec = spec.contentType(op.contentType()).body(op.contentType().contains("json") ? "{}" : "");
        }
        return spec.request(op.method().toUpperCase(), op.concretePath()).then().extract().statusCode();
    }

    private static Set<String> audiences(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        return aud.isArray() ? strings(aud) : aud.isMissingNode() ? Set.of() : Set.of(aud.asText());
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
