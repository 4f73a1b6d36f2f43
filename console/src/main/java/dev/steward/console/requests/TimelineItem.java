package dev.steward.console.requests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One line of a request's timeline: a status event or a step execution, newest first. */
public record TimelineItem(Instant at, String what, String who, String detail, boolean failed) {

    public static List<TimelineItem> of(RequestView r) {
        List<TimelineItem> items = new ArrayList<>();
        if (r.events() != null) {
            for (RequestView.Event e : r.events()) {
                String move = (e.from() == null ? "" : e.from() + " → ") + e.to();
                String detail = join(e.reasonCode(), e.note());
                items.add(new TimelineItem(e.at(), move, e.actor(), detail, false));
            }
        }
        if (r.executionLog() != null) {
            for (RequestView.LogEntry l : r.executionLog()) {
                Instant at = l.finishedAt() != null ? l.finishedAt() : l.startedAt();
                items.add(new TimelineItem(at, "step " + l.step() + " (attempt " + l.attempt() + "): " + l.outcome(),
                        "request-service", l.detail(), "FAILED".equals(l.outcome())));
            }
        }
        items.sort(Comparator.comparing(TimelineItem::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return items;
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + ": " + b;
    }
}
