package dev.steward.request.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.ArrayList;
import java.util.List;

/** A readable, self-contained HTML rendering of an ACCESS report (templates/ReportHtml/page.html; Qute escapes every value). */
public final class ReportHtml {

    private ReportHtml() {
    }

    public record Table(String title, List<String> columns, List<List<String>> rows) {
    }

    public record Page(String requestId, String generatedAt, String org, String kind, String id, boolean noDataHeld,
                       boolean restricted, List<Table> tables) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Page page);
    }

    public static String render(JsonNode report) {
        JsonNode s = report.path("subject");
        JsonNode data = report.path("personalData");
        JsonNode disc = report.path("disclosures");
        List<Table> tables = List.of(
                table("Data we hold", data.path("fields"),
                        List.of("name", "value", "category", "source", "purpose", "retention", "collectedAt")),
                table("Network access logs (kept under §8a)", data.path("accessLogs"),
                        List.of("at", "ip", "path", "userAgent", "durationMs")),
                table("Consents and opt-outs", data.path("consents"), List.of("purpose", "granted", "at", "actor", "source")),
                table("Who read your data", data.path("accessRecords"), List.of("actor", "fields", "at")),
                table("Disclosures of your data", disc.path("entries"),
                        List.of("disclosedOn", "recipientType", "recipient", "legalBasis", "categories", "purpose")),
                table("Disclosures by recipient", disc.path("summaries"),
                        List.of("recipient", "purpose", "firstDate", "lastDate", "count")));
        return Templates.page(new Page(report.path("requestId").asText(), report.path("generatedAt").asText(),
                s.path("org").asText(), s.path("kind").asText(), s.path("id").asText(),
                report.path("noDataHeld").asBoolean(), data.path("restricted").asBoolean(), tables)).render();
    }

    private static Table table(String title, JsonNode rows, List<String> columns) {
        List<List<String>> cells = new ArrayList<>();
        for (JsonNode row : rows.isArray() ? rows : List.<JsonNode>of()) {
            cells.add(columns.stream().map(col -> cell(row.path(col))).toList());
        }
        return new Table(title, columns, cells);
    }

    private static String cell(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return "";
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(x -> items.add(x.asText()));
            return String.join(", ", items);
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
