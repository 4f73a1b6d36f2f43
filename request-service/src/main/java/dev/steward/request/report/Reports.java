package dev.steward.request.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.request.lifecycle.Request;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The ACCESS report (§8): everything account-service's export holds about the subject — every
 * section and every field it sends, each item with what it is, its category, purpose, source and
 * retention as the export gives them — and disclosure-service's accounting of disclosures. Built
 * streaming: each answer is stored as it is read ({@link ReportSections}, one part each), and the
 * report is then the header stored here (dsr_report) plus those sections, served by {@link ReportWriter}.
 */
@ApplicationScoped
public class Reports {

    /** The part of the report that account-service's export fills. */
    public static final String PERSONAL_DATA = "personalData";
    /** The part of the report that disclosure-service's accounting fills. */
    public static final String DISCLOSURES = "disclosures";

    private final ObjectMapper json;
    private final ReportSections sections;

    public Reports(ObjectMapper json, ReportSections sections) {
        this.json = json;
        this.sections = sections;
    }

    /** A stored report: its header (or, for reports stored before sections existed, the whole document). */
    public record Stored(UUID requestId, String body, boolean streamed) {
    }

    /** Stores a peer's answer as the sections of one part, streaming; answers what it held ({@code facts}, section counts). */
    public ObjectNode storePart(UUID requestId, String part, InputStream answer) {
        return sections.store(requestId, part, answer);
    }

    /** Forgets a part stored for a request that changed meanwhile (cancelled, denied): no copy of the data is left behind. */
    public void forgetPart(UUID requestId, String part) {
        sections.delete(requestId, part);
    }

    /**
     * Stores the report's header unless it is already stored (in the caller's transaction); answers
     * what it counted. {@code export} and {@code accounting} are what {@link #storePart} answered;
     * an export of {@code {"unknownSubject": true}} means account-service holds nothing.
     */
    public ObjectNode storeOnce(Request r, JsonNode export, JsonNode accounting, Instant now) {
        if (Report.findByIdOptional(r.id).isEmpty()) {
            Report stored = new Report();
            stored.requestId = r.id;
            stored.createdAt = now;
            stored.streamed = true;
            try {
                stored.body = json.writeValueAsString(header(r, export, accounting, now));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            stored.persist();
        }
        ObjectNode summary = json.createObjectNode();
        ObjectNode personal = summary.putObject(PERSONAL_DATA);
        personal.put("held", !export.path("unknownSubject").asBoolean());
        export.path("sections").fields().forEachRemaining(e -> personal.set(e.getKey(), e.getValue()));
        ObjectNode disc = summary.putObject(DISCLOSURES);
        accounting.path("sections").fields().forEachRemaining(e -> disc.set(e.getKey(), e.getValue()));
        return summary;
    }

    private ObjectNode header(Request r, JsonNode export, JsonNode accounting, Instant now) {
        ObjectNode report = json.createObjectNode();
        report.put("requestId", r.id.toString());
        report.set("subject", json.valueToTree(r.subject()));
        report.put("generatedAt", now.toString());
        report.put("policy", "§8: your right to access the personal data we hold about you");
        report.put("noDataHeld", export.path("unknownSubject").asBoolean());
        report.set(PERSONAL_DATA, facts(export));
        report.set(DISCLOSURES, facts(accounting));
        return report;
    }

    /** A part's facts without the subject, which the report names once at its top. */
    private ObjectNode facts(JsonNode answer) {
        ObjectNode facts = answer.path("facts").isObject() ? ((ObjectNode) answer.path("facts")).deepCopy() : json.createObjectNode();
        facts.remove("subject");
        return facts;
    }

    public Optional<Stored> find(UUID id) {
        return Report.<Report>findByIdOptional(id).map(report -> new Stored(report.requestId, report.body, report.streamed));
    }
}
