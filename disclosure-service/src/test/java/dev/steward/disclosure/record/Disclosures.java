package dev.steward.disclosure.record;

import static io.restassured.RestAssured.given;

import dev.steward.platform.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for disclosure tests. */
public final class Disclosures {

    private Disclosures() {
    }

    public static Map<String, Object> subject(String org, String kind, String id) {
        return Map.of("org", org, "kind", kind, "id", id);
    }

    /** A subpoena answered with content, recorded by lena and approved by priya. */
    public static Map<String, Object> subpoena(Map<String, Object> subject, LocalDate disclosedOn) {
        Map<String, Object> b = new HashMap<>();
        b.put("recipient", Map.of("type", "LAW_ENFORCEMENT", "name", "City Police Department",
                "contact", "Det. Jane Roe, 1 Police Plaza"));
        b.put("legalBasis", "SUBPOENA");
        b.put("caseReference", "SUB-2026-0042");
        b.put("receivedOn", disclosedOn.minusDays(3).toString());
        b.put("disclosedOn", disclosedOn.toString());
        b.put("subjects", List.of(subject));
        b.put("dataCategories", List.of("user.contact.email", "user.device.ip_address"));
        b.put("purpose", "Criminal investigation");
        b.put("outcome", "CONTENT_DISCLOSED");
        b.put("approver", "priya");
        b.put("attachments", List.of(Map.of("name", "subpoena.pdf", "sha256", "ab".repeat(32),
                "mediaType", "application/pdf")));
        return b;
    }

    /** A voluntary disclosure to a service provider (basis SERVICE_PROVISION). */
    public static Map<String, Object> toServiceProvider(Map<String, Object> subject) {
        Map<String, Object> b = new HashMap<>();
        b.put("recipient", Map.of("type", "SERVICE_PROVIDER", "name", "Support Desk Inc."));
        b.put("legalBasis", "SERVICE_PROVISION");
        b.put("receivedOn", LocalDate.now().minusDays(1).toString());
        b.put("disclosedOn", LocalDate.now().minusDays(1).toString());
        b.put("subjects", List.of(subject));
        b.put("dataCategories", List.of("user.contact.email"));
        b.put("purpose", "Customer support");
        b.put("outcome", "CONTENT_DISCLOSED");
        return b;
    }

    public static ValidatableResponse post(Map<String, Object> body) {
        return post(Tokens.legal("lena"), body);
    }

    public static ValidatableResponse post(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/disclosures").then();
    }
}
