package dev.steward.account.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.account.support.Db;
import dev.steward.account.support.LogCapture;
import dev.steward.platform.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class AccountResourceTest {

    @Inject
    AgroalDataSource db;

    public static String signUpBody(String email, String extra) {
        return "{\"fullName\":\"Carol Customer\",\"email\":\"" + email + "\",\"phone\":\"+1 555 0100\","
                + "\"billingAddress\":\"1 Main St\",\"paymentToken\":\"tok_abc123\",\"cardLast4\":\"4242\"" + extra + "}";
    }

    static String newSub() {
        return "cust-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void signUpReadAndPatchOwnAccount() throws Exception {
        String sub = newSub();
        String email = sub + "@example.com";
        given().auth().oauth2(Tokens.customer(sub)).contentType(ContentType.JSON)
                .body(signUpBody(email, ",\"ageConfirmed\":true"))
                .when().post("/me")
                .then().statusCode(201).body("email", equalTo(email)).body("cardLast4", equalTo("4242"));

        given().auth().oauth2(Tokens.customer(sub)).when().get("/me")
                .then().statusCode(200).body("fullName", equalTo("Carol Customer")).body("sub", equalTo(sub));

        given().auth().oauth2(Tokens.customer(sub)).contentType(ContentType.JSON)
                .body("{\"phone\":\"+1 555 0199\"}")
                .when().patch("/me")
                .then().statusCode(200).body("phone", equalTo("+1 555 0199")).body("fullName", equalTo("Carol Customer"));

        // signing up twice is a conflict
        given().auth().oauth2(Tokens.customer(sub)).contentType(ContentType.JSON)
                .body(signUpBody(email, ",\"ageConfirmed\":true"))
                .when().post("/me").then().statusCode(409);

        // stored only as ciphertext: neither the email nor the name appears in any column
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select f.value_ct from personal_field f join account a "
                     + "on a.subject_id = f.subject_id where a.sub = ?")) {
            ps.setString(1, sub);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                    String raw = new String(rs.getBytes(1), StandardCharsets.ISO_8859_1);
                    assertFalse(raw.contains(email));
                    assertFalse(raw.contains("Carol"));
                }
            }
            assertEquals(6, n);
        }
        assertEquals(0, Db.count(db, "select count(*) from personal_field where position(convert_to(?, 'UTF8') in value_ct) > 0",
                email));
    }

    @Test
    void anotherCustomerSeesNoAccount() {
        String sub = newSub();
        given().auth().oauth2(Tokens.customer(sub)).contentType(ContentType.JSON)
                .body(signUpBody(sub + "@example.com", ",\"ageConfirmed\":true")).post("/me").then().statusCode(201);
        given().auth().oauth2(Tokens.customer(newSub())).when().get("/me").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.customer(newSub())).contentType(ContentType.JSON).body("{\"phone\":\"1\"}")
                .when().patch("/me").then().statusCode(404);
        given().auth().oauth2(Tokens.clientAdmin("gina", "globex")).when().get("/me").then().statusCode(403);
    }

    @Test
    void cardNumberInAnyFieldIsRefusedAndNeitherStoredNorLogged() {
        String sub = newSub();
        String card = "4111 1111-1111 1111";
        try (LogCapture logs = LogCapture.start()) {
            Logger.getLogger(AccountResourceTest.class).info("capture-check");
            given().auth().oauth2(Tokens.customer(sub)).contentType(ContentType.JSON)
                    .body(signUpBody(sub + "@example.com", ",\"ageConfirmed\":true").replace("1 Main St", "card " + card))
                    .when().post("/me")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors.field", hasItem("billingAddress"));
            given().auth().oauth2(Tokens.customer(sub)).contentType(ContentType.JSON)
                    .body(signUpBody(sub + "@example.com", ",\"ageConfirmed\":true").replace("tok_abc123", "4111111111111111"))
                    .when().post("/me")
                    .then().statusCode(422).body("errors.field", hasItem("paymentToken"))
                    .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("4111")));
            assertTrue(logs.anyContains("capture-check"), "the capture sees log records");
            assertFalse(logs.anyContains("4111"), "no log line holds the card number");
        }
        assertEquals(0, Db.count(db, "select count(*) from account where sub = ?", sub));
        assertEquals(0, Db.count(db, "select count(*) from subject where ext_id = ?", sub));

        // on PATCH too, and the stored value is unchanged
        given().auth().oauth2(Tokens.customer(sub)).contentType(ContentType.JSON)
                .body(signUpBody(sub + "@example.com", ",\"ageConfirmed\":true")).post("/me").then().statusCode(201);
        given().auth().oauth2(Tokens.customer(sub)).contentType(ContentType.JSON)
                .body("{\"fullName\":\"5555-5555-5555-4444\"}").when().patch("/me")
                .then().statusCode(422).body("errors.field", hasItem("fullName"));
        given().auth().oauth2(Tokens.customer(sub)).when().get("/me").then().body("fullName", equalTo("Carol Customer"));
        // a long number that is not Luhn-valid is fine
        given().auth().oauth2(Tokens.customer(sub)).contentType(ContentType.JSON)
                .body("{\"billingAddress\":\"PO Box 4111111111111112\"}").when().patch("/me").then().statusCode(200);
    }

    @Test
    void underThirteenIsRefusedAndNothingIsKeptOrLogged() {
        String sub = newSub();
        String email = "kid-" + sub + "@example.com";
        String birth = LocalDate.now().minusYears(12).toString();
        try (LogCapture logs = LogCapture.start()) {
            Logger.getLogger(AccountResourceTest.class).info("capture-check");
            given().auth().oauth2(Tokens.customer(sub)).contentType(ContentType.JSON)
                    .body(signUpBody(email, ",\"birthDate\":\"" + birth + "\""))
                    .when().post("/me")
                    .then().statusCode(422).body("type", org.hamcrest.Matchers.endsWith("under-13"))
                    .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(email)));
            given().auth().oauth2(Tokens.customer(sub)).contentType(ContentType.JSON)
                    .body(signUpBody(email, ",\"ageConfirmed\":false"))
                    .when().post("/me").then().statusCode(422);
            assertTrue(logs.anyContains("capture-check"));
            assertFalse(logs.anyContains(email));
            assertFalse(logs.anyContains(birth));
            assertFalse(logs.anyContains(sub));
        }
        assertEquals(0, Db.count(db, "select count(*) from subject where ext_id = ?", sub));
        assertEquals(0, Db.count(db, "select count(*) from access_record where subject_id = ?", sub));
        // neither a birth date nor a confirmation
        given().auth().oauth2(Tokens.customer(sub)).contentType(ContentType.JSON)
                .body(signUpBody(email, "")).when().post("/me")
                .then().statusCode(422).body("errors.field", hasItem("birthDate"));
        // 13 today is old enough
        given().auth().oauth2(Tokens.customer(sub)).contentType(ContentType.JSON)
                .body(signUpBody(email, ",\"birthDate\":\"" + LocalDate.now().minusYears(13) + "\""))
                .when().post("/me").then().statusCode(201);
    }

    @Test
    void officerFindsAnAccountByEmailThroughTheBlindIndex() {
        String sub = newSub();
        given().auth().oauth2(Tokens.customer(sub)).contentType(ContentType.JSON)
                .body(signUpBody("Mixed.Case-" + sub + "@Example.com", ",\"ageConfirmed\":true")).post("/me")
                .then().statusCode(201);
        given().auth().oauth2(Tokens.officer("olivia")).queryParam("email", "mixed.case-" + sub + "@EXAMPLE.COM")
                .when().get("/accounts/lookup")
                .then().statusCode(200).body("sub", equalTo(sub));
        given().auth().oauth2(Tokens.officer("olivia")).queryParam("email", "nobody@example.com")
                .when().get("/accounts/lookup").then().statusCode(404);
        given().auth().oauth2(Tokens.customer(sub)).queryParam("email", "nobody@example.com")
                .when().get("/accounts/lookup").then().statusCode(403);
        // the same email (other case) cannot open a second account
        given().auth().oauth2(Tokens.customer(newSub())).contentType(ContentType.JSON)
                .body(signUpBody("MIXED.CASE-" + sub + "@example.com", ",\"ageConfirmed\":true")).post("/me")
                .then().statusCode(409);
    }
}
