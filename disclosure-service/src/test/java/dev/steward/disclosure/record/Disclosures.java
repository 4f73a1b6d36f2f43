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

    /** A subpoena answered with content (recorded by lena; {@link #post} has priya approve it). */
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

    /** Posts the disclosure; one to law enforcement or a regulator that names no approval is first approved by priya. */
    public static ValidatableResponse post(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(approvedIfNeeded(body))
                .when().post("/disclosures").then();
    }

    /**
     * The body with an {@code approval} given by priya (signed in as herself) when its recipient needs
     * four eyes and it names none (nor a typed approver, which the service refuses); else, or when
     * the approval is refused (an invalid body), the body.
     */
    public static Map<String, Object> approvedIfNeeded(Map<String, Object> body) {
        Object type = body.get("recipient") instanceof Map<?, ?> r ? r.get("type") : null;
        boolean fourEyes = "LAW_ENFORCEMENT".equals(type) || "REGULATOR".equals(type);
        if (!fourEyes || body.containsKey("approval") || body.containsKey("approver")) {
            return body;
        }
        var approval = given().auth().oauth2(Tokens.legal("priya")).contentType(ContentType.JSON).body(body)
                .when().post("/disclosure-approvals").then().extract();
        if (approval.statusCode() != 201) {
            return body; // a body the approval refused too (invalid): the disclosure's own answer is the one tested
        }
        Map<String, Object> approved = new HashMap<>(body);
        approved.put("approval", approval.path("id"));
        return approved;
    }
}
