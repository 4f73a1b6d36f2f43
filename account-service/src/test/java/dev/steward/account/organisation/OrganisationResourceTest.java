package dev.steward.account.organisation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import dev.steward.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrganisationResourceTest {

    @Test
    void officerRegistersAnOrgAndItsAdminReadsIt() {
        given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON)
                .body("{\"id\":\"globex\",\"name\":\"Globex\"}")
                .when().post("/orgs")
                .then().statusCode(201)
                .header("Location", endsWith("/orgs/globex"))
                .body("status", equalTo("ACTIVE"));

        given().auth().oauth2(Tokens.clientAdmin("gina", "globex"))
                .when().get("/orgs/globex")
                .then().statusCode(200).body("name", equalTo("Globex"));

        // the same id twice is a conflict, not a second row
        given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON)
                .body("{\"id\":\"globex\",\"name\":\"Other\"}")
                .when().post("/orgs")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anotherOrgsAdminGets404NotForbidden() {
        given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON)
                .body("{\"id\":\"initech\",\"name\":\"Initech\"}")
                .when().post("/orgs").then().statusCode(201);

        given().auth().oauth2(Tokens.clientAdmin("hank", "hooli"))
                .when().get("/orgs/initech")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.clientAdmin("hank", "hooli"))
                .when().get("/orgs/no-such-org")
                .then().statusCode(404);
    }

    @Test
    void invalidIdNamesTheField() {
        given().auth().oauth2(Tokens.officer("olivia")).contentType(ContentType.JSON)
                .body("{\"id\":\"Not Valid!\",\"name\":\"X\"}")
                .when().post("/orgs")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void internalEndpointAcceptsOnlyTheServiceRole() {
        given().auth().oauth2(Tokens.service("request-service"))
                .when().get("/internal/orgs/steward")
                .then().statusCode(200).body("id", equalTo("steward"));
        given().auth().oauth2(Tokens.officer("olivia"))
                .when().get("/internal/orgs/steward")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.customer("carol"))
                .when().get("/internal/orgs/steward")
                .then().statusCode(403);
        given().when().get("/internal/orgs/steward").then().statusCode(401);
    }
}
