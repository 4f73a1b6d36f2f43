package dev.steward.request.lifecycle;

import java.util.EnumSet;
import java.util.Set;

/** Where a request stands (shaped like Ethyca Fides' privacy-request statuses). */
public enum RequestStatus {
    RECEIVED, PENDING_VERIFICATION, VERIFIED, IN_PROGRESS, ROUTED_TO_CONTROLLER,
    COMPLETED, PARTIALLY_COMPLETED, DENIED, CANCELLED, FAILED,
    /** A public request whose requester never verified their e-mail address within the time allowed (final). */
    EXPIRED;

    /** Statuses whose deadline is still running: the request has not been answered. */
    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** The open statuses, for queries (kept next to {@link #isOpen()}), and as an SQL list for the JDBC aggregates. */
    public static final Set<RequestStatus> OPEN = EnumSet.of(RECEIVED, PENDING_VERIFICATION, VERIFIED, IN_PROGRESS, FAILED);
    public static final String OPEN_SQL = "('RECEIVED','PENDING_VERIFICATION','VERIFIED','IN_PROGRESS','FAILED')";
}
