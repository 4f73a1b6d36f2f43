package dev.steward.disclosure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.steward.platform.testing.HealthChecks;
import dev.steward.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
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
@TestProfile(DisclosureServiceIT.PackagedApp.class)
class DisclosureServiceIT {

    /** Production profile, pointed at the test OIDC server (which signs as {@link Tokens#ISSUER}). */
    public static class PackagedApp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc.token.issuer", Tokens.ISSUER);
        }
    }

    private static Map<String, Object> subProcessor(String name) {
        return Map.of("name", name, "purpose", "Customer support tickets",
                "dataCategories", List.of("user.contact.email"), "country", "US",
                "agreementInForce", true, "agreementSince", "2024-01-15");
    }

    @Test
    void isLiveAndReadyWithItsDatabase() {
        HealthChecks.assertUpWithDatabase();
    }

    @Test
    void legalRegistersASubProcessorThatAnyoneCanRead() {
        String name = "IT support desk " + UUID.randomUUID();
        given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON)
                .body(subProcessor(name))
                .when().post("/subprocessors")
                .then().statusCode(201)
                .body("name", equalTo(name));

        // the registry is public (§9): no token needed to read it
        given().queryParam("limit", 100).when().get("/subprocessors")
                .then().statusCode(200)
                .body("items.name", hasItem(name));
    }

    @Test
    void invalidInputIsAProblemNamingEveryField() {
        given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON)
                .body(Map.of("name", "", "purpose", "x", "dataCategories", List.of("Not A Category"),
                        "country", "usa", "agreementInForce", false))
                .when().post("/subprocessors")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("name", "country"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void writingRefusesAnonymousCallersAndOtherRoles() {
        given().contentType(ContentType.JSON).body(subProcessor("Anonymous " + UUID.randomUUID()))
                .when().post("/subprocessors")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON)
                .body(subProcessor("Officer " + UUID.randomUUID()))
                .when().post("/subprocessors")
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
