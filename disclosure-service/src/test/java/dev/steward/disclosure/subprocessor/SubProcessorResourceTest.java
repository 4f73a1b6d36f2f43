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
}
