package dev.steward.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import dev.steward.platform.security.Roles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.UUID;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract every Steward service keeps (authentication, roles, problem+json, health, OpenAPI),
 * run against each service by a subclass that names one of its JSON-accepting endpoints.
 */
public abstract class ServiceContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A path that accepts POST with a JSON body and answers 201 to {@link #allowedToken()}. */
    protected abstract String postPath();

    /** A fresh valid body for {@link #postPath()} (fresh so that repeated creates don't clash). */
    protected abstract Map<String, Object> validBody();

    /** A top-level field of {@link #validBody()} that is required and must be a string. */
    protected abstract String requiredStringField();

    protected abstract String allowedToken();

    /** A token of a role that may not call {@link #postPath()}. */
    protected abstract String deniedToken();

    @Test
    void noTokenIs401Problem() {
        given().contentType(ContentType.JSON).body(json(validBody()))
                .when().post(postPath())
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void expiredTokenIs401() {
        given().auth().oauth2(Tokens.expired("eve", "privacy-officer", "legal", "customer"))
                .contentType(ContentType.JSON).body(json(validBody()))
                .when().post(postPath())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void tokenFromAnotherIssuerIs401() {
        given().auth().oauth2(Tokens.wrongIssuer("eve", "privacy-officer", "legal", "customer"))
                .contentType(ContentType.JSON).body(json(validBody()))
                .when().post(postPath())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void tokenForAnotherAudienceIs401() {
        given().auth().oauth2(Tokens.withAudience("some-other-api", "eve", "privacy-officer", "legal"))
                .contentType(ContentType.JSON).body(json(validBody()))
                .when().post(postPath())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void wrongRoleIs403Problem() {
        given().auth().oauth2(deniedToken())
                .contentType(ContentType.JSON).body(json(validBody()))
                .when().post(postPath())
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("Forbidden"));
    }

    @Test
    void rightRoleIsAccepted() {
        given().auth().oauth2(allowedToken())
                .contentType(ContentType.JSON).body(json(validBody()))
                .when().post(postPath())
                .then().statusCode(201);
    }

    @Test
    void malformedJsonIs400Problem() {
        given().auth().oauth2(allowedToken())
                .contentType(ContentType.JSON).body("{\"" + requiredStringField() + "\": ")
                .when().post(postPath())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void unknownFieldIs400NamingIt() {
        Map<String, Object> body = validBody();
        body.put("favouriteColour", "green");
        given().auth().oauth2(allowedToken())
                .contentType(ContentType.JSON).body(json(body))
                .when().post(postPath())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("favouriteColour"));
    }

    @Test
    void missingRequiredFieldIs400NamingIt() {
        Map<String, Object> body = validBody();
        body.remove(requiredStringField());
        given().auth().oauth2(allowedToken())
                .contentType(ContentType.JSON).body(json(body))
                .when().post(postPath())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(requiredStringField()));
    }

    @Test
    void wrongTypeIs400NamingIt() {
        Map<String, Object> body = validBody();
        body.put(requiredStringField(), List.of(1, 2));
        given().auth().oauth2(allowedToken())
                .contentType(ContentType.JSON).body(json(body))
                .when().post(postPath())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(requiredStringField()));
    }

    @Test
    void emptyBodyIs400NamingTheBodyNotAJavaParameter() {
        given().auth().oauth2(allowedToken())
                .contentType(ContentType.JSON)
                .when().post(postPath())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("body")));
    }

    @Test
    void oversizedBodyIs413Problem() {
        String huge = "{\"x\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}";
        given().auth().oauth2(allowedToken())
                .contentType(ContentType.JSON).body(huge)
                .when().post(postPath())
                .then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void unknownRouteIs404Problem() {
        given().auth().oauth2(allowedToken())
                .when().get("/no/such/route")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void healthIsUpAndChecksTheDatabase() {
        HealthChecks.assertUpWithDatabase();
    }

    @Test
    void openApiDeclaresTheBearerScheme() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.bearer", notNullValue());
    }

    @Test
    void metricsArePublished() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void everyRequestBodyRefusesLooseTypesAndUnstorableText() {
        String openApi = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        List<HostileBodies.Case> cases = HostileBodies.from(openApi);
        assertTrue(cases.size() > 10, "the OpenAPI document should describe request bodies: " + cases);
        String everyone = Tokens.of("contract-walker", "acme", Roles.CUSTOMER, Roles.CLIENT_ADMIN,
                Roles.PRIVACY_OFFICER, Roles.LEGAL, Roles.AUDITOR, Roles.SERVICE);
        List<String> failures = new ArrayList<>();
        for (HostileBodies.Case c : cases) {
            var response = given().auth().oauth2(everyone).contentType(ContentType.JSON)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(c.body()).when().request(c.method(), c.path()).then().extract();
            List<String> named = response.statusCode() == c.status()
                    ? response.jsonPath().getList("errors.field", String.class) : List.of();
            if (response.statusCode() != c.status() || named == null || !named.contains(c.field())
                    || !response.contentType().startsWith("application/problem+json")) {
                failures.add(c + " -> " + response.statusCode() + " " + response.asString());
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size()
                + " hostile bodies were not refused naming the field:\n" + String.join("\n", failures));
    }

    @Test
    void everyTypedQueryParameterRefusesAValueOfAnotherType() {
        String openApi = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        List<HostileQueries.Case> cases = HostileQueries.from(openApi);
        String everyone = Tokens.of("contract-walker", "acme", Roles.CUSTOMER, Roles.CLIENT_ADMIN,
                Roles.PRIVACY_OFFICER, Roles.LEGAL, Roles.AUDITOR, Roles.SERVICE);
        List<String> failures = new ArrayList<>();
        for (HostileQueries.Case c : cases) {
            var response = given().auth().oauth2(everyone).urlEncodingEnabled(false)
                    .when().get(c.url()).then().extract();
            List<String> named = response.statusCode() == 400
                    ? response.jsonPath().getList("errors.field", String.class) : List.of();
            if (named == null || !named.contains(c.parameter())) {
                failures.add(c + " -> " + response.statusCode() + " " + response.asString());
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size()
                + " bad query values were not refused naming the parameter:\n" + String.join("\n", failures));
    }

    @Test
    void nulInAQueryParameterIs400NamingIt() {
        given().auth().oauth2(allowedToken()).queryParam("q", "a\u0000b")
                .contentType(ContentType.JSON).body(json(validBody()))
                .when().post(postPath())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("q"));
    }

    @Test
    void overLongUriIs414Problem() {
        given().auth().oauth2(allowedToken())
                .when().get("/" + "a".repeat(5000))
                .then().statusCode(414)
                .contentType("application/problem+json")
                .body("status", equalTo(414));
    }

    @Test
    void overLargeHeadersAre431Problem() {
        given().auth().oauth2(allowedToken()).header("X-Padding", "p".repeat(24 * 1024))
                .when().get(postPath())
                .then().statusCode(431)
                .contentType("application/problem+json")
                .body("status", equalTo(431));
    }

    @Test
    void brokenPercentEscapeIs400Problem() {
        // sent over a raw socket: HTTP client libraries refuse to send a malformed URI at all
        String path = rawGet(postPath() + "%");
        assertTrue(path.startsWith("400 application/problem+json")
                && path.contains("\"field\":\"path\""), path);
        String query = rawGet(postPath() + "?limit=%zz");
        assertTrue(query.startsWith("400 application/problem+json")
                && query.contains("\"field\":\"query\""), query);
    }

    private String rawGet(String target) {
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "GET", target, Map.of("Authorization", "Bearer " + allowedToken()), null);
        return answer.status() + " " + answer.contentType() + " " + answer.body();
    }

    protected static Map<String, Object> mutable(Map<String, Object> body) {
        return new LinkedHashMap<>(body);
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
