package dev.steward.e2e;

import static dev.steward.e2e.Calls.as;
import static dev.steward.e2e.Calls.body;
import static dev.steward.e2e.Calls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.e2e.stack.Stack;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15 across the real services and Keycloak: a subpoena from intake to production, recorded by
 * one legal user and approved by another signed in as themselves; the production is a disclosure in
 * the ledger with the hash of what was produced, and the transparency report counts it.
 */
@ExtendWith(StackExtension.class)
class LegalDemandIT {

    @Test
    void aSubpoenaFromIntakeToProductionWithFourEyes(Stack stack) throws Exception {
        String disclosure = stack.url("disclosure-service");
        String lena = stack.tokens().user("lena");
        String leo = stack.tokens().user("leo");
        String auditor = stack.tokens().user("audrey");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String subjectId = "e2e-demand-" + Long.toString(System.currentTimeMillis(), 36);
        Map<String, Object> subject = Map.of("org", "acme", "kind", "END_USER", "id", subjectId);
        List<String> categories = List.of("user.contact.email", "user.access_history");

        JsonNode before = counts(stack, auditor, today);
        Map<String, Object> intake = new java.util.LinkedHashMap<>();
        intake.put("channel", "EMAIL");
        intake.put("receivedOn", today);
        intake.put("agency", Map.of("type", "LAW_ENFORCEMENT", "name", "Metro Police Department", "officer", "Det. Ray",
                "contact", "ray@police.example"));
        intake.put("country", "US");
        intake.put("jurisdiction", "US-CA");
        intake.put("caseNumber", "CASE-" + subjectId);
        intake.put("processType", "SUBPOENA");
        intake.put("statute", "18 U.S.C. 2703");
        intake.put("identifiers", List.of(subject));
        intake.put("dataCategories", categories);
        intake.put("responseDueOn", LocalDate.now(ZoneOffset.UTC).plusDays(14).toString());
        JsonNode demand = json(as(lena).header("Idempotency-Key", subjectId).body(body(intake))
                .post(disclosure + "/legal-demands").then().statusCode(201).extract().response());
        String id = demand.path("id").asText();
        assertEquals("RECEIVED", demand.path("status").asText());
        String transitions = disclosure + "/legal-demands/" + id + "/transitions";

        as(lena).body(body(Map.of("to", "VERIFIED", "verification", Map.of("method", "Called the court clerk",
                "evidenceSha256", sha256("scan of the subpoena"))))).post(transitions).then().statusCode(200);
        as(lena).body(body(Map.of("to", "IN_REVIEW"))).post(transitions).then().statusCode(200);
        as(lena).body(body(Map.of("categories", List.of(Map.of("category", "user.contact.email", "produce", true),
                Map.of("category", "user.access_history", "produce", true)))))
                .post(disclosure + "/legal-demands/" + id + "/scope-review").then().statusCode(200);

        // four eyes for real: the recorder's own token cannot approve; a second legal user's can
        as(lena).body(body(Map.of("to", "APPROVED_FOR_PRODUCTION", "reason", "lawful process, scope reviewed")))
                .post(transitions).then().statusCode(403);
        JsonNode approved = json(as(leo).body(body(Map.of("to", "APPROVED_FOR_PRODUCTION", "reason", "lawful process, scope reviewed")))
                .post(transitions).then().statusCode(200).extract().response());
        assertEquals("leo", approved.path("approvedBy").asText(), approved.toPrettyString());

        String produced = sha256("the production package for " + subjectId);
        JsonNode done = json(as(lena).body(body(Map.of("to", "PRODUCED_FULL", "production", Map.of("subjects", List.of(subject),
                        "categories", categories, "sha256", produced))))
                .post(transitions).then().statusCode(200).extract().response());
        assertEquals("PRODUCED_FULL", done.path("status").asText());
        assertEquals(1, done.path("accountsAffected").asInt(), done.toPrettyString());
        String disclosureId = done.path("disclosures").get(0).asText();

        JsonNode record = json(as(lena).get(disclosure + "/disclosures/" + disclosureId).then().statusCode(200).extract().response());
        assertEquals("SUBPOENA", record.path("legalBasis").asText(), record.toPrettyString());
        assertEquals("leo", record.path("approver").asText(), record.toPrettyString());
        assertEquals(produced, record.path("attachments").get(0).path("sha256").asText(), record.toPrettyString());

        JsonNode full = json(as(auditor).get(disclosure + "/legal-demands/" + id).then().statusCode(200).extract().response());
        assertEquals(6, full.path("events").size(), full.toPrettyString());
        for (JsonNode event : full.path("events")) {
            assertTrue(event.path("ledgerSeq").asLong() > 0, "every transition is in the ledger: " + event);
        }
        JsonNode verification = json(as(auditor).get(disclosure + "/ledger/verify").then().statusCode(200).extract().response());
        assertTrue(verification.path("valid").asBoolean(), verification.toPrettyString());

        // the transparency report counts what was recorded
        JsonNode after = counts(stack, auditor, today);
        for (String count : List.of("received", "accountsSpecified", "accountsAffected", "producedFull")) {
            assertEquals(before.path(count).asInt() + 1, after.path(count).asInt(), count + ": " + before + " -> " + after);
        }
    }

    /** The US / SUBPOENA row's counts for today (zeros when there is none yet). */
    private static JsonNode counts(Stack stack, String token, String day) {
        JsonNode report = json(as(token).queryParam("from", day).queryParam("to", day)
                .get(stack.url("disclosure-service") + "/reports/transparency/demands").then().statusCode(200).extract().response());
        for (JsonNode row : report.path("rows")) {
            if ("US".equals(row.path("country").asText()) && "SUBPOENA".equals(row.path("processType").asText())) {
                return row.path("counts");
            }
        }
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
