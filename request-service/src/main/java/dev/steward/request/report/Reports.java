package dev.steward.request.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.request.store.RequestRecord;
import dev.steward.request.store.RequestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    private final RequestRepository repo;

    public Reports(ObjectMapper json, RequestRepository repo) {
        this.json = json;
        this.repo = repo;
    }

    /** Composes and stores the report unless it is already stored; answers what it counted. */
    public ObjectNode storeOnce(Connection c, RequestRecord r, JsonNode export, JsonNode accounting, Instant now)
            throws SQLException {
        Optional<String> existing = find(c, r.id());
        JsonNode report;
        if (existing.isPresent()) {
            report = repo.read(existing.get());
        } else {
            report = compose(r, export, accounting, now);
            try (PreparedStatement ps = c.prepareStatement("insert into dsr_report (request_id, created_at, body) "
                    + "values (?, ?, ?) on conflict (request_id) do nothing")) {
                ps.setObject(1, r.id());
                ps.setTimestamp(2, RequestRepository.ts(now));
                ps.setString(3, repo.write(report));
                ps.executeUpdate();
            }
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

    public ObjectNode compose(RequestRecord r, JsonNode export, JsonNode accounting, Instant now) {
        ObjectNode report = json.createObjectNode();
        report.put("requestId", r.id().toString());
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

    public Optional<String> find(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select body from dsr_report where request_id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
