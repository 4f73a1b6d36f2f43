package dev.steward.disclosure.demand;

import static dev.steward.disclosure.demand.DemandStatus.APPROVED_FOR_PRODUCTION;
import static dev.steward.disclosure.demand.DemandStatus.CHALLENGED;
import static dev.steward.disclosure.demand.DemandStatus.IN_REVIEW;
import static dev.steward.disclosure.demand.DemandStatus.NARROWED;
import static dev.steward.disclosure.demand.DemandStatus.NO_DATA;
import static dev.steward.disclosure.demand.DemandStatus.PRODUCED_FULL;
import static dev.steward.disclosure.demand.DemandStatus.PRODUCED_PARTIAL;
import static dev.steward.disclosure.demand.DemandStatus.RECEIVED;
import static dev.steward.disclosure.demand.DemandStatus.REJECTED;
import static dev.steward.disclosure.demand.DemandStatus.VERIFIED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle as one explicit table: from each status, the statuses a demand may move to.
 * Anything else is a 409 naming both. PRODUCED_FULL, PRODUCED_PARTIAL, REJECTED and NO_DATA end it.
 * (Also in disclosure-service/README.md as a Mermaid state diagram; {@code TransitionsTest} keeps
 * the two the same.)
 */
public final class Transitions {

    private static final Map<DemandStatus, Set<DemandStatus>> TABLE = new EnumMap<>(DemandStatus.class);

    static {
        TABLE.put(RECEIVED, EnumSet.of(VERIFIED, REJECTED));
        TABLE.put(VERIFIED, EnumSet.of(IN_REVIEW, REJECTED));
        TABLE.put(IN_REVIEW, EnumSet.of(NARROWED, CHALLENGED, APPROVED_FOR_PRODUCTION, REJECTED, NO_DATA));
        TABLE.put(NARROWED, EnumSet.of(CHALLENGED, APPROVED_FOR_PRODUCTION, REJECTED, NO_DATA));
        TABLE.put(CHALLENGED, EnumSet.of(NARROWED, APPROVED_FOR_PRODUCTION, REJECTED, NO_DATA));
        TABLE.put(APPROVED_FOR_PRODUCTION, EnumSet.of(PRODUCED_FULL, PRODUCED_PARTIAL, NO_DATA));
        for (DemandStatus s : EnumSet.of(PRODUCED_FULL, PRODUCED_PARTIAL, REJECTED, NO_DATA)) {
            TABLE.put(s, EnumSet.noneOf(DemandStatus.class));
        }
    }

    private Transitions() {
    }

    public static Set<DemandStatus> allowedFrom(DemandStatus from) {
        return EnumSet.copyOf(TABLE.get(from));
    }

    public static boolean allowed(DemandStatus from, DemandStatus to) {
        return TABLE.get(from).contains(to);
    }
}
