package dev.steward.disclosure.report;

import static dev.steward.disclosure.record.Disclosures.post;
import static dev.steward.disclosure.record.Disclosures.subject;
import static dev.steward.disclosure.record.Disclosures.subpoena;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.steward.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TransparencyTest {

    @Test
    void countsByHalfYearRecipientTypeBasisAndOutcomeAsJsonAndCsv() {
        // received in the first half of 2021: a period no other test writes to
        for (int i = 0; i < 3; i++) {
            Map<String, Object> b = subpoena(subject("acme", "END_USER", "t" + i), LocalDate.of(2021, 3, 10 + i));
            post(b).statusCode(201);
        }
        Map<String, Object> regulator = subpoena(subject("acme", "END_USER", "t9"), LocalDate.of(2021, 8, 2));
        regulator.put("recipient", Map.of("type", "REGULATOR", "name", "Authority"));
        regulator.put("legalBasis", "LEGAL_OBLIGATION");
        regulator.put("outcome", "NO_DATA");
        regulator.remove("disclosedOn");
        post(regulator).statusCode(201);

        given().auth().oauth2(Tokens.auditor("audrey")).queryParam("from", "2021-01-01").queryParam("to", "2021-12-31")
                .when().get("/reports/transparency")
                .then().statusCode(200)
                .body("rows", hasSize(2))
                .body("rows[0].period", equalTo("2021-H1"))
                .body("rows[0].recipientType", equalTo("LAW_ENFORCEMENT"))
                .body("rows[0].legalBasis", equalTo("SUBPOENA"))
                .body("rows[0].outcome", equalTo("CONTENT_DISCLOSED"))
                .body("rows[0].count", equalTo(3))
                .body("rows[1].period", equalTo("2021-H2"))
                .body("rows[1].outcome", equalTo("NO_DATA"));

        given().auth().oauth2(Tokens.officer("olivia")).queryParam("from", "2021-01-01").queryParam("to", "2021-12-31")
                .queryParam("bands", true)
                .when().get("/reports/transparency")
                .then().statusCode(200)
                .body("rows[0].count", nullValue())
                .body("rows[0].band", equalTo("0-249"))
                .body("rows[1].count", equalTo(1));

        String csv = given().auth().oauth2(Tokens.legal("lena")).queryParam("from", "2021-01-01").queryParam("to", "2021-12-31")
                .queryParam("format", "csv")
                .when().get("/reports/transparency")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertEquals("period,recipientType,legalBasis,outcome,count\r\n"
                + "2021-H1,LAW_ENFORCEMENT,SUBPOENA,CONTENT_DISCLOSED,3\r\n"
                + "2021-H2,REGULATOR,LEGAL_OBLIGATION,NO_DATA,1\r\n", csv);
    }

    @Test
    void bandsAreWidthsOf250() {
        assertEquals("0-249", TransparencyResource.band(0));
        assertEquals("0-249", TransparencyResource.band(249));
        assertEquals("250-499", TransparencyResource.band(250));
        assertEquals("750-999", TransparencyResource.band(999));
    }

    @Test
    void badParametersAreNamed() {
        given().auth().oauth2(Tokens.auditor("audrey")).queryParam("format", "xml")
                .when().get("/reports/transparency").then().statusCode(400);
        given().auth().oauth2(Tokens.auditor("audrey")).queryParam("from", "2022-01-01").queryParam("to", "2021-01-01")
                .when().get("/reports/transparency").then().statusCode(400).body("errors[0].field", equalTo("from"));
    }
}
