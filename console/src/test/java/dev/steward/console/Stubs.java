package dev.steward.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** JSON answers shaped like the services' (their records, written out), for the WireMock stubs. */
final class Stubs {

    private Stubs() {
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder problem(int status, String title, String detail, String field, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody("""
                {"type": "https://steward.dev/problems/x", "title": "%s", "status": %d, "detail": "%s",
                 "errors": [{"field": "%s", "message": "%s"}]}""".formatted(title, status, detail, field, message));
    }

    static String page(List<String> items) {
        return page(items, null);
    }

    static String page(List<String> items, String next) {
        return "{\"items\": [" + String.join(",", items) + "], \"next\": " + (next == null ? "null" : "\"" + next + "\"") + "}";
    }

    /** An open request received {@code ageDays} ago with a {@code windowDays} deadline. */
    static String request(UUID id, String type, String status, int ageDays, int windowDays) {
        Instant received = Instant.now().minus(ageDays, ChronoUnit.DAYS);
        Instant due = received.plus(windowDays, ChronoUnit.DAYS);
        long daysLeft = windowDays - ageDays;
        return """
                {"id": "%s", "type": "%s", "subject": {"org": "acme", "kind": "END_USER", "id": "u-%s"},
                 "status": "%s", "jurisdiction": "GDPR", "submittedBy": "acme-admin", "receivedAt": "%s",
                 "dueAt": "%s", "daysLeft": %d, "overdue": %b}""".formatted(id, type, id.toString().substring(0, 4),
                status, received, due, daysLeft, daysLeft < 0);
    }

    static String ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }
}
