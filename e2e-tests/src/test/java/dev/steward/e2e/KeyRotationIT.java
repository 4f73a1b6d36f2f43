package dev.steward.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.e2e.stack.Keycloak;
import dev.steward.e2e.stack.Realm;
import dev.steward.e2e.stack.Stack;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keycloak rotates its signing key: a token signed with the new key is accepted by every service
 * within seconds (the services fetch the JWKS again when a token names a key they have not seen,
 * at most every 10 s), not after the ten minutes it took before (issue 11).
 */
@ExtendWith(StackExtension.class)
class KeyRotationIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tokensSignedWithANewKeycloakKeyAreAcceptedWithinSeconds(Stack stack) throws Exception {
        String kc = stack.keycloak().url();
        String admin = RestAssured.given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", "admin", "password", "admin"))
                .post(kc + "/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        String realmId = RestAssured.given().auth().oauth2(admin).get(kc + "/admin/realms/" + Keycloak.REALM)
                .then().statusCode(200).extract().path("id");
        String before = freshToken(stack);

        // a new RSA key of higher priority: Keycloak signs every new token with it from now on
        RestAssured.given().auth().oauth2(admin).contentType("application/json")
                .body(JSON.writeValueAsString(Map.of("name", "rotated-" + UUID.randomUUID(), "providerId", "rsa-generated",
                        "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                        "config", Map.of("priority", List.of("500"), "enabled", List.of("true"), "active", List.of("true"),
                                "algorithm", List.of("RS256")))))
                .post(kc + "/admin/realms/" + Keycloak.REALM + "/components").then().statusCode(201);
        String after = freshToken(stack);
        assertNotEquals(kid(before), kid(after), "Keycloak signs with the new key");

        long t0 = System.nanoTime();
        for (String path : List.of(stack.url("account-service") + "/orgs/acme", stack.url("request-service") + "/requests",
                stack.url("disclosure-service") + "/holds")) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .alias(path + " accepts a token signed with the new key")
                    .until(() -> Calls.as(after).get(path).statusCode() == 200);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        stack.progress().say("key rotation: the three services accepted the new key's tokens within %.1f s", seconds);
        assertTrue(seconds <= 15, "accepted after " + seconds + " s");
    }

    private static String freshToken(Stack stack) {
        var r = stack.tokens().grant(Map.of("grant_type", "password", "client_id", Realm.PORTAL, "username", "olivia",
                "password", Realm.DEMO_PASSWORD, "scope", "openid"));
        assertEquals(200, r.statusCode(), r.body());
        try {
            return JSON.readTree(r.body()).path("access_token").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String kid(String jwt) {
        try {
            JsonNode header = JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))),
                    StandardCharsets.UTF_8));
            return header.path("kid").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
