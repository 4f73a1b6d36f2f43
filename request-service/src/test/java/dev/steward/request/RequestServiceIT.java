package dev.steward.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.steward.platform.testing.HealthChecks;
import dev.steward.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged application (the fast-jar that goes into the image, or the native binary where one
 * is built), started in its production profile against a real PostgreSQL, the WireMock OIDC
 * server and the WireMock peers declared by {@link TestResources}. Only the OIDC server's address,
 * issuer and this service's client secret differ from a production start.
 */
@QuarkusIntegrationTest
@TestProfile(RequestServiceIT.PackagedApp.class)
class RequestServiceIT {

    /** Production profile, pointed at the test OIDC server (which signs as {@link Tokens#ISSUER}). */
    public static class PackagedApp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc.token.issuer", Tokens.ISSUER,
                    "quarkus.oidc-client.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc-client.credentials.secret", "secret");
        }
    }

    private static Map<String, Object> accessRequest() {
        return Map.of("type", "ACCESS", "attestation", "identity checked against a signed letter",
                "subject", Map.of("org", "steward", "kind", "ACCOUNT", "id", "it-" + UUID.randomUUID()));
    }

    @Test
    void isLiveAndReadyWithItsDatabase() {
        HealthChecks.assertUpWithDatabase();
    }

    @Test
    void officerSubmitsARequestAndItIsStored() {
        String id = given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON)
                .body(accessRequest())
                .when().post("/requests")
                .then().statusCode(201)
                .body("id", notNullValue())
                .body("type", equalTo("ACCESS"))
                .extract().path("id");

        given().auth().oauth2(Tokens.officer("olivia"))
                .when().get("/requests/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id));
    }

    @Test
    void invalidInputIsAProblemNamingTheField() {
        given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON)
                .body(Map.of("type", "NOT_A_TYPE",
                        "subject", Map.of("org", "steward", "kind", "ACCOUNT", "id", "carol")))
                .when().post("/requests")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("type"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void refusesAnonymousCallers() {
        given().contentType(ContentType.JSON).body(accessRequest())
                .when().post("/requests")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", notNullValue())
                .body("components.securitySchemes.bearer", notNullValue());
    }
}
