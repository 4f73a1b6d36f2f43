package dev.steward.request.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.request.report.ReportSections.Section;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a stored ACCESS report to a response as JSON or as the HTML page, item by item from a
 * cursor over its sections: the memory it takes does not grow with the report. The JSON document
 * is the header with each part's sections put back in as arrays, in the order the peer sent them;
 * sections every report has appear empty when the peer sent none (a subject account-service does
 * not know).
 */
@ApplicationScoped
public class ReportWriter {

    private static final List<String> PARTS = List.of(Reports.PERSONAL_DATA, Reports.DISCLOSURES);
    private static final Map<String, List<String>> ALWAYS = Map.of(
            Reports.PERSONAL_DATA, List.of("fields", "accessLogs", "consents", "accessRecords"),
            Reports.DISCLOSURES, List.of("entries", "summaries"));

    private final ObjectMapper json;
    private final ReportSections sections;

    public ReportWriter(ObjectMapper json, ReportSections sections) {
        this.json = json;
        this.sections = sections;
    }

    public void json(Reports.Stored report, OutputStream out) throws IOException {
        if (!report.streamed()) {
            out.write(report.body().getBytes(StandardCharsets.UTF_8));
            return;
        }
        JsonNode header = json.readTree(report.body());
        try (Connection c = sections.reader();
             JsonGenerator g = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            List<Section> stored = sections.sections(c, report.requestId());
            g.writeStartObject();
            for (var field : (Iterable<Map.Entry<String, JsonNode>>) header::fields) {
                g.writeFieldName(field.getKey());
                if (!ALWAYS.containsKey(field.getKey())) {
                    json.writeTree(g, field.getValue());
                    continue;
                }
                g.writeStartObject();
                for (var fact : (Iterable<Map.Entry<String, JsonNode>>) field.getValue()::fields) {
                    g.writeFieldName(fact.getKey());
                    json.writeTree(g, fact.getValue());
                }
                for (Section s : of(stored, field.getKey())) {
                    g.writeArrayFieldStart(s.name());
                    if (s.position() > 0) {
                        sections.items(c, report.requestId(), s, g::writeRawValue);
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            c.rollback();
        } catch (SQLException e) {
            throw new IOException("could not read the report (SQLState " + e.getSQLState() + ")", e);
        }
    }

    public void html(Reports.Stored report, OutputStream out) throws IOException {
        JsonNode header = json.readTree(report.body());
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try (Connection c = sections.reader()) {
            List<Section> stored = sections.sections(c, report.requestId());
            JsonNode subject = header.path("subject");
            List<ReportHtml.Fact> facts = new ArrayList<>();
            for (String part : PARTS) {
                header.path(part).fields().forEachRemaining(f -> {
                    if (!f.getValue().isArray()) {
                        facts.add(new ReportHtml.Fact(f.getKey(), ReportHtml.cell(f.getValue())));
                    }
                });
            }
            w.write(ReportHtml.head(new ReportHtml.Head(header.path("requestId").asText(), header.path("generatedAt").asText(),
                    subject.path("org").asText(), subject.path("kind").asText(), subject.path("id").asText(),
                    header.path("noDataHeld").asBoolean(), header.path(Reports.PERSONAL_DATA).path("restricted").asBoolean(),
                    facts)));
            for (String part : PARTS) {
                // reports stored before sections existed hold their arrays in the header itself
                List<Section> parts = new ArrayList<>();
                for (Section s : of(stored, part)) {
                    JsonNode inline = header.path(part).path(s.name());
                    parts.add(inline.isArray() ? new Section(part, -1, s.name(), inline.size(), columns(inline)) : s);
                }
                header.path(part).fields().forEachRemaining(f -> {
                    if (f.getValue().isArray() && parts.stream().noneMatch(s -> s.name().equals(f.getKey()))) {
                        parts.add(new Section(part, -1, f.getKey(), f.getValue().size(), columns(f.getValue())));
                    }
                });
                for (Section s : parts) {
                    List<String> columns = s.columns().isEmpty() ? List.of("value") : s.columns();
                    ReportHtml.SectionHead head = ReportHtml.section(s.name(), columns, s.items());
                    w.write(ReportHtml.sectionStart(head));
                    if (s.position() > 0) {
                        sections.items(c, report.requestId(), s, item -> w.write(ReportHtml.row(json.readTree(item), columns)));
                    } else {
                        for (JsonNode item : header.path(part).path(s.name())) {
                            w.write(ReportHtml.row(item, columns));
                        }
                    }
                    w.write(ReportHtml.sectionEnd(head));
                }
            }
            w.write(ReportHtml.foot());
            w.flush();
            c.rollback();
        } catch (SQLException e) {
            throw new IOException("could not read the report (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** The stored sections of one part, then an empty one for each section every report has that the peer did not send. */
    private static List<Section> of(List<Section> stored, String part) {
        List<Section> out = new ArrayList<>(stored.stream().filter(s -> s.part().equals(part)).toList());
        for (String name : ALWAYS.get(part)) {
            if (out.stream().noneMatch(s -> s.name().equals(name))) {
                out.add(new Section(part, 0, name, 0, List.of()));
            }
        }
        return out;
    }

    private static List<String> columns(JsonNode items) {
        Set<String> columns = new LinkedHashSet<>();
        items.forEach(item -> item.fieldNames().forEachRemaining(columns::add));
        return List.copyOf(columns);
    }
}
