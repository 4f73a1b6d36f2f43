package dev.steward.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
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
 * is built), started in its production profile against a real PostgreSQL and the WireMock OIDC
 * server declared by {@link TestResources}. Only the OIDC server's address and issuer differ from
 * a production start.
 */
@QuarkusIntegrationTest
@TestProfile(AccountServiceIT.PackagedApp.class)
class AccountServiceIT {

    /**
     * Production profile, pointed at the test OIDC server (which signs as {@link Tokens#ISSUER}),
     * with the test-only keysets of application.properties as MASTER_KEY and BLIND_INDEX_KEY
     * (production has no default for them: the environment must supply both).
     */
    public static class PackagedApp implements QuarkusTestProfile {
        static final String TEST_MASTER_KEY = "eyJwcmltYXJ5S2V5SWQiOjI4MTI4NzIzNDgsImtleSI6W3sia2V5RGF0YSI6eyJ0eXBlVXJsIjoidHlwZS5nb29nbGVhcGlzLmNvbS9nb29nbGUuY3J5cHRvLnRpbmsuQWVzR2NtS2V5IiwidmFsdWUiOiJHaUNjZ0h4N3d4dDduN21oMXUraWxHc0w3VEhqaUpzNEVzVk1EM25sVHgzd2ZRPT0iLCJrZXlNYXRlcmlhbFR5cGUiOiJTWU1NRVRSSUMifSwic3RhdHVzIjoiRU5BQkxFRCIsImtleUlkIjoyODEyODcyMzQ4LCJvdXRwdXRQcmVmaXhUeXBlIjoiVElOSyJ9XX0K";
        static final String TEST_BLIND_INDEX_KEY = "eyJwcmltYXJ5S2V5SWQiOjI5MzQ1MDk1NTUsImtleSI6W3sia2V5RGF0YSI6eyJ0eXBlVXJsIjoidHlwZS5nb29nbGVhcGlzLmNvbS9nb29nbGUuY3J5cHRvLnRpbmsuSG1hY1ByZktleSIsInZhbHVlIjoiRWdJSUF4b2cxR3VVVlFFUE9oL3VUcGRRTCtWck5yRGVOR1RSdVBxeWUyMThQL1dnZlhFPSIsImtleU1hdGVyaWFsVHlwZSI6IlNZTU1FVFJJQyJ9LCJzdGF0dXMiOiJFTkFCTEVEIiwia2V5SWQiOjI5MzQ1MDk1NTUsIm91dHB1dFByZWZpeFR5cGUiOiJSQVcifV19Cg==";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc.token.issuer", Tokens.ISSUER,
                    "quarkus.oidc-client.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc-client.credentials.secret", "secret",
                    "steward.crypto.master-key", TEST_MASTER_KEY,
                    "steward.crypto.blind-index-key", TEST_BLIND_INDEX_KEY);
        }
    }

    @Test
    void isLiveAndReadyWithItsDatabase() {
        HealthChecks.assertUpWithDatabase();
    }

    @Test
    void officerRegistersAnOrganisation() {
        String id = "it-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Packaged Org"))
                .when().post("/orgs")
                .then().statusCode(201)
                .header("Location", endsWith("/orgs/" + id))
                .body("id", equalTo(id))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void anotherServiceReadsTheProvidersOwnOrganisation() {
        given().auth().oauth2(Tokens.service("request-service"))
                .when().get("/internal/orgs/steward")
                .then().statusCode(200)
                .body("id", equalTo("steward"))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void invalidInputIsAProblemNamingEveryField() {
        given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON)
                .body(Map.of("id", "Not Valid!", "name", ""))
                .when().post("/orgs")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("id", "name"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void internalApiRefusesAnonymousCallersAndPeople() {
        given().when().get("/internal/orgs/steward")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().auth().oauth2(Tokens.customer("carol"))
                .when().get("/internal/orgs/steward")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", notNullValue())
                .body("components.securitySchemes.bearer", notNullValue());
    }
}
