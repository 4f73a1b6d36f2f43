package dev.steward.console.requests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The queue's filters as the form sends them. status and view (overdue / due-soon) go to
 * request-service, which pages by them; type, jurisdiction, received range and subject narrow the
 * rows of the page the service returned, and sort orders them (the API has no such parameters).
 */
public record QueueFilter(String status, String view, String type, String jurisdiction, LocalDate receivedFrom,
                          LocalDate receivedTo, String subject, String sort) {

    public List<QueueRow> apply(List<QueueRow> rows) {
        List<QueueRow> kept = rows.stream().filter(this::keeps).collect(Collectors.toCollection(ArrayList::new));
        if ("days-left".equals(sort)) {
            kept.sort(Comparator.comparing((QueueRow r) -> r.request().daysLeft(),
                    Comparator.nullsLast(Comparator.naturalOrder())));
        }
        return kept;
    }

    private boolean keeps(QueueRow row) {
        RequestView r = row.request();
        return (blank(type) || type.equals(r.type()))
                && (blank(jurisdiction) || jurisdiction.equals(r.jurisdiction()))
                && (receivedFrom == null || !r.receivedAt().isBefore(start(receivedFrom)))
                && (receivedTo == null || r.receivedAt().isBefore(start(receivedTo.plusDays(1))))
                && (blank(subject) || r.subject() != null && r.subject().toString().toLowerCase()
                .contains(subject.trim().toLowerCase()));
    }

    /** The queue's address with these filters, and the cursor when given. */
    public String href(String cursor) {
        String q = query();
        if (cursor != null) {
            q = q.isEmpty() ? "cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)
                    : q + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
        }
        return q.isEmpty() ? "/requests" : "/requests?" + q;
    }

    /** The query string that repeats these filters, without the cursor. */
    public String query() {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("status", status);
        q.put("view", view);
        q.put("type", type);
        q.put("jurisdiction", jurisdiction);
        q.put("receivedFrom", receivedFrom);
        q.put("receivedTo", receivedTo);
        q.put("subject", subject);
        q.put("sort", sort);
        return q.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().toString().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public String selectedIf(String field, String value) {
        String current = switch (field) {
            case "status" -> status;
            case "view" -> view;
            case "type" -> type;
            case "jurisdiction" -> jurisdiction;
            case "sort" -> sort;
            default -> null;
        };
        return value.equals(current) ? "selected" : "";
    }

    static String emptyToNull(String s) {
        return blank(s) ? null : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
