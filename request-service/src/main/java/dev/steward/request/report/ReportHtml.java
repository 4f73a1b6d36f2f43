package dev.steward.request.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.request.report.SectionLayouts.Column;
import dev.steward.request.report.SectionLayouts.Layout;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pieces of the access report's page for people (fragments of templates/report/page.html; Qute
 * escapes every value). {@link ReportWriter} writes them one after another — the head with its
 * contents, then per section its start, one row or sentence per item and its end, then the rights
 * and the foot — so nothing holds the whole page. What each section says and how comes from
 * {@link SectionLayouts}; the words from {@link PlainWords} and {@link ActorNames}.
 */
public final class ReportHtml {

    private ReportHtml() {
    }

    /** A label and its value, in words. */
    public record Fact(String name, String value) {
    }

    /** A line of the contents: the section's anchor, heading and how many items it has, in words. */
    public record Entry(String anchor, String title, String count) {
    }

    public record Head(String reference, String generatedAt, String about, String subjectId, boolean noDataHeld,
                       boolean restricted, List<Fact> facts, List<Entry> contents) {
    }

    /** A section's start: heading, what it is, the facts its items share, and its table's column headings (or a list). */
    public record SectionHead(String anchor, String title, String intro, List<Fact> shared, List<String> columns,
                              boolean sentences, boolean empty, String none, String count) {
    }

    public record Cell(String text, String note) {
    }

    public record Foot(String privacyCenter, String generatedAt) {
    }

    @CheckedTemplate(basePath = "report")
    static class Templates {
        static native TemplateInstance page$head(Head head);

        static native TemplateInstance page$sectionStart(SectionHead section);

        static native TemplateInstance page$row(List<Cell> cells);

        static native TemplateInstance page$sentence(String text, String note);

        static native TemplateInstance page$sectionEnd(SectionHead section);

        static native TemplateInstance page$foot(Foot foot);
    }

    /**
     * One section as it will be shown: its layout, the first of its items (whose describing facts
     * are shown once above the table) and whether its table needs a column for keys no layout names.
     */
    record Planned(String part, String name, int items, Layout layout, JsonNode first, Set<String> consumed, boolean extrasColumn,
                   ReportSections.Section stored) {

        /** {@code stored}: where its items are kept, or null when they are in the report's header (reports stored before sections). */
        static Planned of(String part, String name, int items, List<String> keys, JsonNode first, ReportSections.Section stored) {
            Layout layout = SectionLayouts.of(part, name, keys);
            Set<String> consumed = new HashSet<>(layout.used());
            if (layout.sentence() != null) {
                consumed.addAll(SectionLayouts.sentenceKeys(name));
            }
            boolean extras = layout.sentence() == null
                    && keys.stream().anyMatch(k -> !consumed.contains(k) && !SectionLayouts.DESCRIBING.containsKey(k));
            return new Planned(part, name, items, layout, first, consumed, extras, stored);
        }

        String anchor() {
            return part + "-" + name.replaceAll("[^A-Za-z0-9_-]", "-");
        }

        String count() {
            return items == 0 ? "none" : PlainWords.count(items, "item", "items");
        }
    }

    static String head(Head head) {
        return Templates.page$head(head).render();
    }

    static SectionHead section(Planned p, ActorNames actors) {
        List<Fact> shared = new ArrayList<>();
        if (p.first() != null && p.first().isObject()) {
            for (Map.Entry<String, String> d : SectionLayouts.DESCRIBING.entrySet()) {
                if (!p.consumed().contains(d.getKey()) && p.first().hasNonNull(d.getKey())) {
                    shared.add(new Fact(d.getValue(), PlainWords.value(d.getKey(), p.first().path(d.getKey()), actors)));
                }
            }
        }
        List<String> columns = new ArrayList<>();
        p.layout().columns().forEach(c -> columns.add(c.header()));
        if (p.extrasColumn()) {
            columns.add("Other details");
        }
        return new SectionHead(p.anchor(), p.layout().title(), p.layout().intro(), shared, columns, p.layout().sentence() != null,
                p.items() == 0, p.layout().none(), p.count());
    }

    static String sectionStart(SectionHead section) {
        return Templates.page$sectionStart(section).render();
    }

    /** One item: a table row, or a sentence for sections that summarise; what no column says goes in "Other details". */
    static String item(Planned p, JsonNode item, ActorNames actors) {
        String extras = extras(p, item, actors);
        if (p.layout().sentence() != null) {
            return Templates.page$sentence(p.layout().sentence().apply(item, actors), extras).render();
        }
        List<Cell> cells = new ArrayList<>(p.layout().columns().size() + 1);
        for (Column c : p.layout().columns()) {
            cells.add(new Cell(c.text().apply(item, actors), c.note().apply(item, actors)));
        }
        if (p.extrasColumn()) {
            cells.add(new Cell(extras, ""));
        } else if (!extras.isEmpty()) {
            Cell last = cells.get(cells.size() - 1);
            cells.set(cells.size() - 1, new Cell(last.text(), last.note().isEmpty() ? extras : last.note() + "; " + extras));
        }
        return Templates.page$row(cells).render();
    }

    /** The keys of an item that no column says, and describing facts that differ from the ones shown above the table. */
    private static String extras(Planned p, JsonNode item, ActorNames actors) {
        if (!item.isObject()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        item.fields().forEachRemaining(f -> {
            String key = f.getKey();
            if (p.consumed().contains(key)) {
                return;
            }
            if (SectionLayouts.DESCRIBING.containsKey(key) && p.first() != null && f.getValue().equals(p.first().path(key))) {
                return;
            }
            String label = SectionLayouts.DESCRIBING.getOrDefault(key, PlainWords.label(key));
            out.add(label + ": " + PlainWords.value(key, f.getValue(), actors));
        });
        return String.join("; ", out);
    }

    static String sectionEnd(SectionHead section) {
        return Templates.page$sectionEnd(section).render();
    }

    static String foot(Foot foot) {
        return Templates.page$foot(foot).render();
    }
}
