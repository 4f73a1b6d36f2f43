package dev.steward.request.lifecycle;

/** Where a request stands (shaped like Ethyca Fides' privacy-request statuses). */
public enum RequestStatus {
    RECEIVED, PENDING_VERIFICATION, VERIFIED, IN_PROGRESS, ROUTED_TO_CONTROLLER,
    COMPLETED, PARTIALLY_COMPLETED, DENIED, CANCELLED, FAILED;

    /** Statuses whose deadline is still running: the request has not been answered. */
    public boolean isOpen() {
        return this == RECEIVED || this == PENDING_VERIFICATION || this == VERIFIED || this == IN_PROGRESS
                || this == FAILED;
    }

    /** The SQL list of open statuses, for queries (kept next to {@link #isOpen()}). */
    public static final String OPEN_SQL = "('RECEIVED','PENDING_VERIFICATION','VERIFIED','IN_PROGRESS','FAILED')";
}
