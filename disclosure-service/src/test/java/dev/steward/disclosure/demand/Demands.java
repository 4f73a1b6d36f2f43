package dev.steward.disclosure.demand;

import static io.restassured.RestAssured.given;

import dev.steward.platform.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds demand requests for the tests: the intake JSON, and one call per API action. */
final class Demands {

    static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private Demands() {
    }

    static Map<String, Object> subject(String org, String id) {
        return Map.of("org", org, "kind", "END_USER", "id", id);
    }

    static Map<String, Object> intake(String processType, String country, List<Map<String, Object>> identifiers,
                                      List<String> categories, LocalDate today, int dueInDays) {
        Map<String, Object> m = new HashMap<>();
        m.put("channel", "EMAIL");
        m.put("receivedOn", today.toString());
        m.put("agency", Map.of("type", "LAW_ENFORCEMENT", "name", "Metro Police Department", "officer", "Det. Ray",
                "contact", "ray@police.example"));
        m.put("country", country);
        m.put("jurisdiction", country + "-01");
        m.put("caseNumber", "CASE-" + UUID.randomUUID());
        m.put("processType", processType);
        m.put("statute", "18 U.S.C. 2703");
        m.put("identifiers", new ArrayList<>(identifiers));
        m.put("dataCategories", new ArrayList<>(categories));
        m.put("responseDueOn", today.plusDays(dueInDays).toString());
        return m;
    }

    static String receive(String legalUser, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.legal(legalUser)).contentType(ContentType.JSON).body(body)
                .when().post("/legal-demands")
                .then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse move(String legalUser, String id, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.legal(legalUser)).contentType(ContentType.JSON).body(body)
                .when().post("/legal-demands/" + id + "/transitions").then();
    }

    static ValidatableResponse to(String legalUser, String id, String status, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("to", status);
        if (reason != null) {
            body.put("reason", reason);
        }
        return move(legalUser, id, body);
    }

    static void verify(String legalUser, String id) {
        move(legalUser, id, Map.of("to", "VERIFIED", "verification",
                Map.of("method", "Called the issuing court clerk", "evidenceSha256", HASH))).statusCode(200);
    }

    static ValidatableResponse review(String legalUser, String id, List<Map<String, Object>> categories) {
        return given().auth().oauth2(Tokens.legal(legalUser)).contentType(ContentType.JSON)
                .body(Map.of("categories", categories))
                .when().post("/legal-demands/" + id + "/scope-review").then();
    }

    static Map<String, Object> category(String category, boolean produce, String justification) {
        Map<String, Object> m = new HashMap<>();
        m.put("category", category);
        m.put("produce", produce);
        if (justification != null) {
            m.put("justification", justification);
        }
        return m;
    }

    /** verified → in review → (narrowed) → scope reviewed (every requested category produced) → approved by leo. */
    static void approve(String id, List<String> categories, boolean narrow) {
        verify("lena", id);
        to("lena", id, "IN_REVIEW", null).statusCode(200);
        if (narrow) {
            to("lena", id, "NARROWED", "Narrowed to the named accounts").statusCode(200);
        }
        review("lena", id, categories.stream().map(c -> category(c, true, null)).toList()).statusCode(200);
        to("leo", id, "APPROVED_FOR_PRODUCTION", null).statusCode(200);
    }

    static ValidatableResponse produce(String id, String status, List<Map<String, Object>> subjects, List<String> categories) {
        return move("lena", id, Map.of("to", status, "production",
                Map.of("subjects", subjects, "categories", categories, "sha256", HASH)));
    }
}
