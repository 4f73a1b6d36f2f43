package dev.steward.request.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pieces of the readable HTML page of an ACCESS report (fragments of
 * templates/ReportHtml/page.html; Qute escapes every value). {@link ReportWriter} writes them one
 * after another — the head, then per section its start, one row per item and its end, then the
 * foot — so nothing holds the whole page. Generic: a section's title comes from its name (a few
 * known ones have a friendlier title), its columns are the keys its items use.
 */
public final class ReportHtml {

    private static final Map<String, String> TITLES = Map.of(
            "fields", "Data we hold",
            "accessLogs", "Network access logs (kept under §8a)",
            "consents", "Consents and opt-outs",
            "accessRecords", "Who read your data",
            "entries", "Disclosures of your data",
            "summaries", "Disclosures by recipient");

    private ReportHtml() {
    }

    public record Fact(String name, String value) {
    }

    public record Head(String requestId, String generatedAt, String org, String kind, String id, boolean noDataHeld,
                       boolean restricted, List<Fact> facts) {
    }

    public record SectionHead(String title, List<String> columns, boolean empty) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page$head(Head head);

        static native TemplateInstance page$sectionStart(SectionHead section);

        static native TemplateInstance page$row(List<String> cells);

        static native TemplateInstance page$sectionEnd(SectionHead section);

        static native TemplateInstance page$foot();
    }

    static String head(Head head) {
        return Templates.page$head(head).render();
    }

    static SectionHead section(String name, List<String> columns, int items) {
        return new SectionHead(title(name), columns, items == 0);
    }

    static String sectionStart(SectionHead section) {
        return Templates.page$sectionStart(section).render();
    }

    static String row(JsonNode item, List<String> columns) {
        List<String> cells = new ArrayList<>(columns.size());
        for (String col : columns) {
            cells.add(cell(item.isObject() ? item.path(col) : item));
        }
        return Templates.page$row(cells).render();
    }

    static String sectionEnd(SectionHead section) {
        return Templates.page$sectionEnd(section).render();
    }

    static String foot() {
        return Templates.page$foot().render();
    }

    /** "policyAcceptances" reads "Policy acceptances". */
    static String title(String name) {
        String known = TITLES.get(name);
        if (known != null) {
            return known;
        }
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String cell(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return "";
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(x -> items.add(x.isValueNode() ? x.asText() : x.toString()));
            return String.join(", ", items);
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
