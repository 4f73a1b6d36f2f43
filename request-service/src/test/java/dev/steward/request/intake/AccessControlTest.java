package dev.steward.request.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.steward.platform.testing.Tokens;
import dev.steward.request.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Another subject's or org's request is 404 for every read and action; roles are enforced. */
@QuarkusTest
class AccessControlTest {

    private static final String[] ACTIONS = {"approve", "deny", "cancel", "retry", "extend", "notes", "resolve"};

    @Test
    void aCustomerCannotSeeOrActOnAnothersRequest() {
        String mine = Tokens.customer("mia");
        String theirs = Tokens.customer("tom");
        String id = Api.submitted(theirs, Map.of("type", "COMPLAINT", "description", "noise"));

        given().auth().oauth2(mine).when().get("/requests/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(mine).when().get("/requests/" + id + "/report").then().statusCode(404);
        given().auth().oauth2(mine).when().post("/requests/" + id + "/report/link").then().statusCode(404);
        Api.action(mine, id, "cancel", null).then().statusCode(404);
        given().auth().oauth2(mine).when().get("/requests").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().auth().oauth2(mine).when().get("/requests/00000000-0000-0000-0000-000000000000").then().statusCode(404);

        // the owner can read and cancel it
        Api.action(theirs, id, "cancel", Map.of("note", "sorted out")).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        Api.action(theirs, id, "cancel", null).then().statusCode(409);
        given().auth().oauth2(theirs).when().get("/requests").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.subject.id", everyItem(equalTo("tom")));
    }

    @Test
    void aClientAdminSeesOnlyItsOwnOrg() {
        String acme = Tokens.clientAdmin("ann", "acme");
        String globex = Tokens.clientAdmin("gus", "globex");
        String id = Api.submitted(acme, Map.of("type", "COMPLAINT", "description", "d", "attestation", "ticket 1",
                "subject", Map.of("org", "acme", "kind", "END_USER", "id", "eu-77")));
        Api.get(acme, id);
        given().auth().oauth2(globex).when().get("/requests/" + id).then().statusCode(404);
        Api.action(globex, id, "cancel", null).then().statusCode(404);
        given().auth().oauth2(globex).when().get("/requests").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(acme).when().get("/requests").then().statusCode(200)
                .body("items.subject.org", everyItem(equalTo("acme")));
        // a customer's own request is not a client-admin's business
        String cust = Api.submitted(Tokens.customer("cy"), Map.of("type", "COMPLAINT", "description", "d"));
        given().auth().oauth2(Tokens.clientAdmin("st", "steward")).when().get("/requests/" + cust).then().statusCode(404);
    }

    @Test
    void roleMatrix() {
        String id = Api.submitted(Tokens.customer("rm"), Map.of("type", "COMPLAINT", "description", "d"));
        String legal = Tokens.legal("lena");
        String auditor = Tokens.auditor("aud");
        String service = Tokens.service("disclosure-service");
        for (String token : new String[] {legal, auditor, service}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("type", "ACCESS"))
                    .when().post("/requests").then().statusCode(403);
            given().auth().oauth2(token).when().get("/requests").then().statusCode(403);
            given().auth().oauth2(token).when().get("/requests/" + id).then().statusCode(403);
            for (String action : ACTIONS) {
                Api.action(token, id, action, Map.of()).then().statusCode(403);
            }
        }
        String customer = Tokens.customer("rm");
        for (String action : new String[] {"approve", "deny", "retry", "extend", "notes", "resolve"}) {
            Api.action(customer, id, action, Map.of()).then().statusCode(403);
            Api.action(Tokens.clientAdmin("ann", "acme"), id, action, Map.of()).then().statusCode(403);
        }
        for (String token : new String[] {Tokens.customer("rm"), Tokens.clientAdmin("ann", "acme"), legal, service}) {
            given().auth().oauth2(token).when().get("/compliance/report").then().statusCode(403);
            given().auth().oauth2(token).when().get("/reports/metrics").then().statusCode(403);
        }
        given().when().get("/requests").then().statusCode(401);
        given().when().get("/compliance/report").then().statusCode(401);
    }
}
