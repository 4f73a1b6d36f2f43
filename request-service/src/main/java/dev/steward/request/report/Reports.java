package dev.steward.request.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.request.lifecycle.Request;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The ACCESS report (§8): every field held with its category, source, purpose and retention, the
 * access logs, consents and reads of the data, and the accounting of disclosures. Stored once per
 * request as the JSON document the subject downloads.
 */
@ApplicationScoped
public class Reports {

    private final ObjectMapper json;

    public Reports(ObjectMapper json) {
        this.json = json;
    }

    /** Composes and stores the report unless it is already stored (in the caller's transaction); answers what it counted. */
    public ObjectNode storeOnce(Request r, JsonNode export, JsonNode accounting, Instant now) {
        Optional<String> existing = find(r.id);
        JsonNode report;
        try {
            if (existing.isPresent()) {
                report = json.readTree(existing.get());
            } else {
                report = compose(r, export, accounting, now);
                Report stored = new Report();
                stored.requestId = r.id;
                stored.createdAt = now;
                stored.body = json.writeValueAsString(report);
                stored.persist();
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode summary = json.createObjectNode();
        JsonNode data = report.path("personalData");
        ObjectNode personal = summary.putObject("personalData");
        personal.put("held", !report.path("noDataHeld").asBoolean());
        personal.put("fields", data.path("fields").size());
        personal.put("accessLogs", data.path("accessLogs").size());
        personal.put("consents", data.path("consents").size());
        personal.put("accessRecords", data.path("accessRecords").size());
        ObjectNode disc = summary.putObject("disclosures");
        disc.put("entries", report.path("disclosures").path("entries").size());
        disc.put("summaries", report.path("disclosures").path("summaries").size());
        return summary;
    }

    public ObjectNode compose(Request r, JsonNode export, JsonNode accounting, Instant now) {
        ObjectNode report = json.createObjectNode();
        report.put("requestId", r.id.toString());
        report.set("subject", json.valueToTree(r.subject()));
        report.put("generatedAt", now.toString());
        report.put("policy", "§8: your right to access the personal data we hold about you");
        boolean unknown = export.path("unknownSubject").asBoolean();
        report.put("noDataHeld", unknown);
        ObjectNode data = report.putObject("personalData");
        if (unknown) {
            data.putArray("fields");
            data.putArray("accessLogs");
            data.putArray("consents");
            data.putArray("accessRecords");
        } else {
            data.put("exportedAt", export.path("exportedAt").asText(null));
            data.put("restricted", export.path("restricted").asBoolean(false));
            for (String part : new String[] {"fields", "accessLogs", "consents", "accessRecords"}) {
                data.set(part, export.path(part).isArray() ? export.path(part) : json.createArrayNode());
            }
        }
        ObjectNode disclosures = report.putObject("disclosures");
        disclosures.set("entries", accounting.path("entries").isArray() ? accounting.path("entries") : json.createArrayNode());
        disclosures.set("summaries", accounting.path("summaries").isArray() ? accounting.path("summaries") : json.createArrayNode());
        return report;
    }

    public Optional<String> find(UUID id) {
        return Report.<Report>findByIdOptional(id).map(report -> report.body);
    }
}
