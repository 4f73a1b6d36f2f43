package dev.steward.console.requests;

import java.util.List;
import java.util.Set;

/**
 * Which actions the detail page offers in each status: the moves request-service's transition
 * table allows (the service still decides; this only keeps impossible buttons off the page).
 */
public final class Lifecycle {

    public static final Set<String> OPEN = Set.of("RECEIVED", "PENDING_VERIFICATION", "VERIFIED", "IN_PROGRESS", "FAILED");
    public static final List<String> STATUSES = List.of("RECEIVED", "PENDING_VERIFICATION", "VERIFIED", "IN_PROGRESS",
            "ROUTED_TO_CONTROLLER", "COMPLETED", "PARTIALLY_COMPLETED", "DENIED", "CANCELLED", "FAILED", "EXPIRED");
    public static final List<String> TYPES = List.of("ACCESS", "RECTIFICATION", "ERASURE", "RESTRICTION", "COMPLAINT");
    public static final List<String> JURISDICTIONS = List.of("GDPR", "CCPA", "DEFAULT");
    public static final List<String> DENIAL_REASONS = List.of("IDENTITY_NOT_VERIFIED", "LEGAL_HOLD",
            "MANIFESTLY_UNFOUNDED_OR_EXCESSIVE", "LEGAL_EXEMPTION", "DUPLICATE", "NO_DATA_HELD", "OTHER");

    private Lifecycle() {
    }

    public record Actions(boolean approve, boolean deny, boolean extend, boolean retry, boolean cancel,
                          boolean complaint, boolean report) {

        public boolean any() {
            return approve || deny || extend || retry || cancel || complaint;
        }
    }

    public static Actions of(RequestView r) {
        String s = r.status();
        boolean open = OPEN.contains(s);
        boolean retryHold = "DENIED".equals(s) && "LEGAL_HOLD".equals(r.denialReason()) && "ERASURE".equals(r.type());
        return new Actions(
                "RECEIVED".equals(s) || "PENDING_VERIFICATION".equals(s),
                open,
                open && r.extension() == null,
                "FAILED".equals(s) || retryHold,
                open,
                "COMPLAINT".equals(r.type()) && open,
                "ACCESS".equals(r.type()) && ("COMPLETED".equals(s) || "PARTIALLY_COMPLETED".equals(s)));
    }
}
