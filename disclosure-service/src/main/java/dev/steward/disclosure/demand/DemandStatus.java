package dev.steward.disclosure.demand;

/** Where a legal demand stands; which status may follow which is {@link Transitions}' table. */
public enum DemandStatus {
    RECEIVED, VERIFIED, IN_REVIEW, NARROWED, CHALLENGED, APPROVED_FOR_PRODUCTION,
    PRODUCED_FULL, PRODUCED_PARTIAL, REJECTED, NO_DATA;

    public boolean terminal() {
        return Transitions.allowedFrom(this).isEmpty();
    }

    public boolean produced() {
        return this == PRODUCED_FULL || this == PRODUCED_PARTIAL;
    }
}
