package dev.steward.disclosure.subprocessor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.steward.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SubProcessorResourceTest {

    private static void register(String name, boolean agreement) {
        given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"purpose\":\"Analytics\",\"dataCategories\":[\"user.device.ip_address\"],"
                        + "\"country\":\"US\",\"agreementInForce\":" + agreement
                        + (agreement ? ",\"agreementSince\":\"2023-05-01\"" : "") + "}")
                .when().post("/subprocessors")
                .then().statusCode(201);
    }

    @Test
    void publicListFlagsThoseWithoutAnAgreementAndPages() {
        register("AAA Zendesk-like", true);
        register("AAB Analytics-like", false);
        register("AAC Payments-like", true);

        String next = given().queryParam("limit", 2).when().get("/subprocessors")
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].name", equalTo("AAA Zendesk-like"))
                .body("items[0].flagged", equalTo(false))
                .body("items[1].flagged", equalTo(true))
                .body("next", notNullValue())
                .extract().path("next");

        given().queryParam("limit", 2).queryParam("cursor", next).when().get("/subprocessors")
                .then().statusCode(200)
                .body("items.name", hasItem("AAC Payments-like"));
    }

    @Test
    void agreementDateMustMatchAgreementFlag() {
        given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON)
                .body("{\"name\":\"Mismatch\",\"purpose\":\"x\",\"dataCategories\":[\"user.contact.email\"],"
                        + "\"country\":\"US\",\"agreementInForce\":false,\"agreementSince\":\"2023-05-01\"}")
                .when().post("/subprocessors")
                .then().statusCode(400).body("errors.field", hasItem("agreementSince"));
    }

    @Test
    void invalidCountryAndCursorAreNamed() {
        given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON)
                .body("{\"name\":\"BadCountry\",\"purpose\":\"x\",\"dataCategories\":[\"user.contact.email\"],"
                        + "\"country\":\"usa\",\"agreementInForce\":false}")
                .when().post("/subprocessors")
                .then().statusCode(400).body("errors.field", hasItem("country"));
        given().queryParam("cursor", "%%%").when().get("/subprocessors")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().queryParam("limit", 100000).when().get("/subprocessors")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void unknownIdIs404() {
        given().when().get("/subprocessors/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).body("detail", notNullValue()).body("errors", nullValue());
    }

    @Test
    void editReplacesTheEntryKeepsItsHistoryAndNeedsLegal() {
        String id = given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON)
                .body("{\"name\":\"Edit Me Inc\",\"purpose\":\"Support\",\"dataCategories\":[\"user.contact.email\"],"
                        + "\"country\":\"US\",\"agreementInForce\":false}")
                .when().post("/subprocessors").then().statusCode(201).extract().path("id");
        String edited = "{\"name\":\"Edit Me GmbH\",\"purpose\":\"Support tickets\",\"dataCategories\":"
                + "[\"user.contact.email\",\"user.name\"],\"country\":\"DE\",\"agreementInForce\":true,"
                + "\"agreementSince\":\"2024-01-15\"}";
        given().auth().oauth2(Tokens.legal("leo")).contentType(ContentType.JSON).body(edited)
                .when().put("/subprocessors/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo("Edit Me GmbH"))
                .body("country", equalTo("DE"))
                .body("dataCategories", hasSize(2))
                .body("flagged", equalTo(false));
        given().when().get("/subprocessors/" + id).then().statusCode(200)
                .body("purpose", equalTo("Support tickets")).body("agreementSince", equalTo("2024-01-15"));
        // the replaced version is kept
        assertEquals(1L, changes(id));

        // a name another sub-processor has is refused; unknown id 404; bad body names the field; roles
        register("Edit Other", true);
        given().auth().oauth2(Tokens.legal("leo")).contentType(ContentType.JSON)
                .body(edited.replace("Edit Me GmbH", "Edit Other"))
                .when().put("/subprocessors/" + id).then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Tokens.legal("leo")).contentType(ContentType.JSON).body(edited)
                .when().put("/subprocessors/00000000-0000-0000-0000-000000000000").then().statusCode(404);
        given().auth().oauth2(Tokens.legal("leo")).contentType(ContentType.JSON).body(edited.replace("\"DE\"", "\"de\""))
                .when().put("/subprocessors/" + id).then().statusCode(400).body("errors.field", hasItem("country"));
        given().auth().oauth2(Tokens.auditor("audrey")).contentType(ContentType.JSON).body(edited)
                .when().put("/subprocessors/" + id).then().statusCode(403);
        assertEquals(1L, changes(id));
    }

    private static long changes(String id) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                SubProcessorChange.count("subprocessorId", java.util.UUID.fromString(id)));
    }
}
