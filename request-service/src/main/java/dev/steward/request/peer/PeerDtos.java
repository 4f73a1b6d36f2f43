package dev.steward.request.peer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Bodies of the internal API contract (brief: "The internal API contract between services"). */
public final class PeerDtos {

    private PeerDtos() {
    }

    public record RequestIdBody(String requestId) {
    }

    public record RectificationBody(String requestId, Map<String, String> changes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RectificationResult(List<String> changed) {
    }

    public record RestrictionBody(String requestId, boolean restricted) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Erased(String what, long count) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Kept(String what, long count, String exception, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ErasureReceipt(String requestId, List<Erased> erased, List<Kept> kept) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hold(String id, String scope, String reason, Instant placedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ActiveHolds(boolean held, List<Hold> holds) {
    }
}
