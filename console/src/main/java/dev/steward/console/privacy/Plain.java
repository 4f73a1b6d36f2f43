package dev.steward.console.privacy;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** Request types, statuses and dates in words a visitor reads ({@code {plain:status(s)}}), not the API's codes. */
@TemplateExtension(namespace = "plain")
public final class Plain {

    private static final Map<String, String> TYPES = Map.of(
            "ACCESS", "See my data", "RECTIFICATION", "Correct my data", "ERASURE", "Delete my data",
            "RESTRICTION", "Limit the use of my data", "COMPLAINT", "A complaint");

    private static final Map<String, String> STATUSES = Map.ofEntries(
            Map.entry("RECEIVED", "Received"),
            Map.entry("PENDING_VERIFICATION", "Waiting for you to confirm your e-mail address"),
            Map.entry("VERIFIED", "E-mail address confirmed"),
            Map.entry("IN_PROGRESS", "Being carried out"),
            Map.entry("ROUTED_TO_CONTROLLER", "Passed on to the controller"),
            Map.entry("COMPLETED", "Done"),
            Map.entry("PARTIALLY_COMPLETED", "Partly done (see the outcome)"),
            Map.entry("DENIED", "Refused (see the outcome)"),
            Map.entry("CANCELLED", "Cancelled"),
            Map.entry("FAILED", "Held up by a technical problem; we are working on it"),
            Map.entry("EXPIRED", "Expired: the e-mail address was not confirmed within 7 days"),
            Map.entry("DONE", "Done"),
            Map.entry("PENDING", "To do"));

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Plain() {
    }

    static String type(String type) {
        return type == null ? "" : TYPES.getOrDefault(type, type);
    }

    static String status(String status) {
        return status == null ? "" : STATUSES.getOrDefault(status, status.replace('_', ' ').toLowerCase(Locale.ROOT));
    }

    static String day(Instant at) {
        return at == null ? "" : DAY.format(at);
    }
}
