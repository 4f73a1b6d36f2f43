package dev.steward.console.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A request as its status page shows it (GET /public/status/{token}, contract C2). */
public record RequestStatus(UUID id, String type, String status, Instant receivedAt, Instant dueAt, Instant respondedAt,
                            List<Step> steps, JsonNode outcome, JsonNode reportLink) {

    public record Step(String name, String status, Instant at) {
    }

    public RequestStatus {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** The signed report path (".../public/reports/{id}?expires=…&signature=…"), whether sent as text or as {url}. */
    public String reportUrl() {
        if (reportLink == null || reportLink.isNull() || reportLink.isMissingNode()) {
            return null;
        }
        return reportLink.isTextual() ? reportLink.asText() : reportLink.path("url").asText(null);
    }
}
