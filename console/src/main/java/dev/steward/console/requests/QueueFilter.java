package dev.steward.console.requests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The queue's filters and sort as the form sends them. Every one of them goes to request-service
 * (GET /requests, contract C1), which filters and orders across all requests and pages with its
 * cursor; the console filters nothing itself. A cursor is valid only with the filters and sort it
 * came with, so the paging links repeat them all.
 */
public record QueueFilter(String status, String view, String type, String jurisdiction, LocalDate receivedFrom,
                          LocalDate receivedTo, String subjectId, String org, String sort) {

    /** The orders request-service offers, as the form lists them; the first is its default. */
    public static final List<SortOption> SORTS = List.of(
            new SortOption("-received", "received, newest first"),
            new SortOption("received", "received, oldest first"),
            new SortOption("due", "due date, soonest first"),
            new SortOption("-due", "due date, latest first"));

    public record SortOption(String value, String label) {
    }

    /** The queue's address with these filters, and the cursor when given. */
    public String href(String cursor) {
        String q = query();
        if (cursor != null) {
            String c = "cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            q = q.isEmpty() ? c : q + "&" + c;
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
        q.put("subjectId", subjectId);
        q.put("org", org);
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
        return s == null || s.isBlank() ? null : s.trim();
    }
}
