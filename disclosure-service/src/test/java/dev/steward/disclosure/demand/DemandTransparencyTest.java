package dev.steward.disclosure.demand;

import static dev.steward.disclosure.demand.Demands.approve;
import static dev.steward.disclosure.demand.Demands.intake;
import static dev.steward.disclosure.demand.Demands.produce;
import static dev.steward.disclosure.demand.Demands.receive;
import static dev.steward.disclosure.demand.Demands.subject;
import static dev.steward.disclosure.demand.Demands.to;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.steward.platform.testing.MovableClock;
import dev.steward.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The transparency report counts what was recorded: per period, process type and country. */
@QuarkusTest
class DemandTransparencyTest {

    @Inject
    MovableClock clock;

    @Test
    void countsReceivedSpecifiedAffectedProducedRejectedNoDataContestedAndEmergency() {
        LocalDate today = LocalDate.now(clock);
        String period = today.getYear() + "-H" + (today.getMonthValue() <= 6 ? 1 : 2);
        String org = "tr-" + UUID.randomUUID();
        String country = "NZ";

        String full = receive("lena", intake("SUBPOENA", country, List.of(subject(org, "a")), List.of("user.contact.email"), today, 20));
        approve(full, List.of("user.contact.email"), false);
        produce(full, "PRODUCED_FULL", List.of(subject(org, "a")), List.of("user.contact.email")).statusCode(200);

        String partial = receive("lena", intake("SUBPOENA", country, List.of(subject(org, "b"), subject(org, "c"),
                subject(org, "d")), List.of("user.contact.email"), today, 20));
        approve(partial, List.of("user.contact.email"), true);
        produce(partial, "PRODUCED_PARTIAL", List.of(subject(org, "b"), subject(org, "c")), List.of("user.contact.email"))
                .statusCode(200);

        String rejected = receive("lena", intake("SUBPOENA", country, List.of(subject(org, "e")), List.of("user.content"), today, 20));
        Demands.verify("lena", rejected);
        to("lena", rejected, "IN_REVIEW", null).statusCode(200);
        to("lena", rejected, "CHALLENGED", "Motion to quash filed").statusCode(200);
        Demands.move("lena", rejected, Map.of("to", "REJECTED", "reasonCode", "OVERBROAD")).statusCode(200);

        Map<String, Object> urgent = intake("EMERGENCY_REQUEST", country, List.of(subject(org, "f")), List.of("user.location"), today, 1);
        urgent.put("emergency", true);
        urgent.put("emergencyJustification", "Missing child");
        String emergency = receive("lena", urgent);
        Demands.verify("lena", emergency);
        to("lena", emergency, "IN_REVIEW", null).statusCode(200);
        to("lena", emergency, "NO_DATA", "No account matches").statusCode(200);

        String subpoenas = "rows.find { it.country == '" + country + "' && it.processType == 'SUBPOENA' && it.period == '"
                + period + "' }.counts";
        String emergencies = "rows.find { it.country == '" + country + "' && it.processType == 'EMERGENCY_REQUEST' }.counts";
        given().auth().oauth2(Tokens.auditor("audrey")).queryParam("from", today.toString()).queryParam("to", today.toString())
                .when().get("/reports/transparency/demands").then().statusCode(200)
                .body(subpoenas + ".received", equalTo(3))
                .body(subpoenas + ".accountsSpecified", equalTo(5))
                .body(subpoenas + ".accountsAffected", equalTo(3))
                .body(subpoenas + ".producedFull", equalTo(1))
                .body(subpoenas + ".producedPartial", equalTo(1))
                .body(subpoenas + ".rejected", equalTo(1))
                .body(subpoenas + ".noData", equalTo(0))
                .body(subpoenas + ".contested", equalTo(2))
                .body(subpoenas + ".emergency", equalTo(0))
                .body(emergencies + ".received", equalTo(1))
                .body(emergencies + ".noData", equalTo(1))
                .body(emergencies + ".emergency", equalTo(1));
        given().auth().oauth2(Tokens.auditor("audrey")).queryParam("from", today.toString()).queryParam("to", today.toString())
                .queryParam("format", "csv").when().get("/reports/transparency/demands").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString("period,processType,country,received,accountsSpecified,accountsAffected,producedFull,"
                        + "producedPartial,rejected,noData,contested,emergency\r\n"))
                .body(containsString(period + ",SUBPOENA," + country + ",3,5,3,1,1,1,0,2,0\r\n"));
        given().auth().oauth2(Tokens.auditor("audrey")).queryParam("from", today.toString()).queryParam("to", today.toString())
                .queryParam("bands", true).when().get("/reports/transparency/demands").then().statusCode(200)
                .body("rows.find { it.country == '" + country + "' && it.processType == 'SUBPOENA' }.bands.received",
                        equalTo("0-249"));
        given().auth().oauth2(Tokens.customer("cora")).when().get("/reports/transparency/demands").then().statusCode(403);
    }
}
