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
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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

    /** The facts of a report's header, in words. */
    private static final Map<String, String> FACTS = Map.of(
            "exportedAt", "Read from our records",
            "restricted", "Processing restricted at your request",
            "accountStatus", "Account status");

    private final ObjectMapper json;
    private final ReportSections sections;
    private final String privacyCenter;

    public ReportWriter(ObjectMapper json, ReportSections sections, LinkSettings settings) {
        this.json = json;
        this.sections = sections;
        this.privacyCenter = settings.privacyCenterUrl().replaceAll("/+$", "") + "/privacy";
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
        JsonNode subject = header.path("subject");
        ActorNames actors = new ActorNames(subject.path("org").asText(null), subject.path("id").asText(null));
        String generated = PlainWords.when(header.path("generatedAt").asText(""));
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try (Connection c = sections.reader()) {
            List<ReportHtml.Planned> plan = plan(c, report.requestId(), header, sections.sections(c, report.requestId()));
            List<ReportHtml.Fact> facts = new ArrayList<>();
            for (String part : PARTS) {
                header.path(part).fields().forEachRemaining(f -> {
                    if (!f.getValue().isArray()) {
                        facts.add(new ReportHtml.Fact(FACTS.getOrDefault(f.getKey(), PlainWords.label(f.getKey())),
                                PlainWords.value(f.getKey(), f.getValue(), actors)));
                    }
                });
            }
            List<ReportHtml.Entry> contents = plan.stream()
                    .map(p -> new ReportHtml.Entry(p.anchor(), p.layout().title(), p.count())).toList();
            w.write(ReportHtml.head(new ReportHtml.Head(header.path("requestId").asText(), generated, about(subject),
                    subject.path("id").asText(), header.path("noDataHeld").asBoolean(),
                    header.path(Reports.PERSONAL_DATA).path("restricted").asBoolean(), facts, contents)));
            for (ReportHtml.Planned p : plan) {
                ReportHtml.SectionHead head = ReportHtml.section(p, actors);
                w.write(ReportHtml.sectionStart(head));
                JsonNode inline = header.path(p.part()).path(p.name());
                if (inline.isArray()) {
                    for (JsonNode item : inline) {
                        w.write(ReportHtml.item(p, item, actors));
                    }
                } else if (p.stored() != null && p.stored().position() > 0 && p.items() > 0) {
                    sections.items(c, report.requestId(), p.stored(), item -> w.write(ReportHtml.item(p, json.readTree(item), actors)));
                }
                w.write(ReportHtml.sectionEnd(head));
            }
            w.write(ReportHtml.foot(new ReportHtml.Foot(privacyCenter, generated)));
            w.flush();
            c.rollback();
        } catch (SQLException e) {
            throw new IOException("could not read the report (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /**
     * Every section of both parts, in the page's order (what we hold first, who looked last), each with
     * its first item read ahead. Reports stored before sections existed hold their arrays in the header.
     */
    private List<ReportHtml.Planned> plan(Connection c, UUID requestId, JsonNode header, List<Section> stored)
            throws SQLException, IOException {
        List<ReportHtml.Planned> plan = new ArrayList<>();
        for (String part : PARTS) {
            List<String> names = new ArrayList<>();
            for (Section s : of(stored, part)) {
                JsonNode inline = header.path(part).path(s.name());
                if (inline.isArray()) {
                    plan.add(ReportHtml.Planned.of(part, s.name(), inline.size(), columns(inline),
                            inline.isEmpty() ? null : inline.get(0), null));
                } else {
                    JsonNode first = s.position() > 0 && s.items() > 0 ? sections.first(c, requestId, s).map(this::tree).orElse(null) : null;
                    plan.add(ReportHtml.Planned.of(part, s.name(), s.items(), s.columns(), first, s));
                }
                names.add(s.name());
            }
            header.path(part).fields().forEachRemaining(f -> {
                if (f.getValue().isArray() && !names.contains(f.getKey())) {
                    plan.add(ReportHtml.Planned.of(part, f.getKey(), f.getValue().size(), columns(f.getValue()),
                            f.getValue().isEmpty() ? null : f.getValue().get(0), null));
                }
            });
        }
        plan.sort(Comparator.comparingInt(p -> p.layout().rank()));
        return plan;
    }

    private JsonNode tree(String item) {
        try {
            return json.readTree(item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whom the report is about, as the page's first sentence says it. */
    private static String about(JsonNode subject) {
        String org = subject.path("org").asText("");
        return switch (subject.path("kind").asText("")) {
            case "ACCOUNT" -> ActorNames.PROVIDER_ORG.equals(org) ? "you and your account with us" : "you";
            case "END_USER" -> "you as a user of " + org + "'s service, which stores data with us";
            case "VISITOR" -> "you as a visitor to our website";
            default -> "you";
        };
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
