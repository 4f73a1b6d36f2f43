package dev.steward.request.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A readable, self-contained HTML rendering of an ACCESS report; every value is escaped. */
public final class ReportHtml {

    private ReportHtml() {
    }

    public static String render(JsonNode report) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Your personal data</title>")
                .append("<style>body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;")
                .append("margin-bottom:2em}td,th{border:1px solid #999;padding:.3em .6em;text-align:left}")
                .append("th{background:#eee}</style></head><body>\n");
        b.append("<h1>Your personal data</h1>\n<p>Request <code>").append(esc(report.path("requestId").asText()))
                .append("</code>, generated ").append(esc(report.path("generatedAt").asText())).append(".</p>\n");
        JsonNode s = report.path("subject");
        b.append("<p>Subject: ").append(esc(s.path("org").asText())).append(" / ").append(esc(s.path("kind").asText()))
                .append(" / ").append(esc(s.path("id").asText())).append("</p>\n");
        if (report.path("noDataHeld").asBoolean()) {
            b.append("<p><strong>We hold no personal data about you.</strong></p>\n");
        }
        JsonNode data = report.path("personalData");
        if (data.path("restricted").asBoolean()) {
            b.append("<p>Processing of your data is restricted at your request.</p>\n");
        }
        table(b, "Data we hold", data.path("fields"),
                List.of("name", "value", "category", "source", "purpose", "retention", "collectedAt"));
        table(b, "Network access logs (kept under §8a)", data.path("accessLogs"),
                List.of("at", "ip", "path", "userAgent", "durationMs"));
        table(b, "Consents and opt-outs", data.path("consents"), List.of("purpose", "granted", "at", "actor", "source"));
        table(b, "Who read your data", data.path("accessRecords"), List.of("actor", "fields", "at"));
        JsonNode disc = report.path("disclosures");
        table(b, "Disclosures of your data", disc.path("entries"),
                List.of("disclosedOn", "recipientType", "recipient", "legalBasis", "categories", "purpose"));
        table(b, "Disclosures by recipient", disc.path("summaries"),
                List.of("recipient", "purpose", "firstDate", "lastDate", "count"));
        b.append("</body></html>\n");
        return b.toString();
    }

    private static void table(StringBuilder b, String title, JsonNode rows, List<String> columns) {
        b.append("<h2>").append(esc(title)).append("</h2>\n");
        if (!rows.isArray() || rows.isEmpty()) {
            b.append("<p>None.</p>\n");
            return;
        }
        b.append("<table><tr>");
        for (String col : columns) {
            b.append("<th>").append(esc(col)).append("</th>");
        }
        b.append("</tr>\n");
        for (JsonNode row : rows) {
            b.append("<tr>");
            for (String col : columns) {
                JsonNode v = row.path(col);
                String text;
                if (v.isMissingNode() || v.isNull()) {
                    text = "";
                } else if (v.isArray()) {
                    StringBuilder joined = new StringBuilder();
                    v.forEach(x -> joined.append(joined.length() == 0 ? "" : ", ").append(x.asText()));
                    text = joined.toString();
                } else {
                    text = v.isValueNode() ? v.asText() : v.toString();
                }
                b.append("<td>").append(esc(text)).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    public static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
