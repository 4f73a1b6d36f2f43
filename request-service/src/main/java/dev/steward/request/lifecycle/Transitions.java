package dev.steward.request.lifecycle;

import static dev.steward.request.lifecycle.RequestStatus.CANCELLED;
import static dev.steward.request.lifecycle.RequestStatus.COMPLETED;
import static dev.steward.request.lifecycle.RequestStatus.DENIED;
import static dev.steward.request.lifecycle.RequestStatus.EXPIRED;
import static dev.steward.request.lifecycle.RequestStatus.FAILED;
import static dev.steward.request.lifecycle.RequestStatus.IN_PROGRESS;
import static dev.steward.request.lifecycle.RequestStatus.PARTIALLY_COMPLETED;
import static dev.steward.request.lifecycle.RequestStatus.PENDING_VERIFICATION;
import static dev.steward.request.lifecycle.RequestStatus.RECEIVED;
import static dev.steward.request.lifecycle.RequestStatus.ROUTED_TO_CONTROLLER;
import static dev.steward.request.lifecycle.RequestStatus.VERIFIED;

import dev.steward.platform.problem.ProblemException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The only moves a request may make. Everything that changes a status goes through
 * {@link #require}, and every move is recorded as an event.
 * <p>
 * DENIED → IN_PROGRESS exists for one case only: an erasure denied under a legal hold (§8b) is
 * retried once the hold is released (guarded by the lifecycle service, reason code LEGAL_HOLD).
 */
public final class Transitions {

    private static final Map<RequestStatus, Set<RequestStatus>> TABLE = new EnumMap<>(RequestStatus.class);

    static {
        TABLE.put(RECEIVED, EnumSet.of(PENDING_VERIFICATION, VERIFIED, ROUTED_TO_CONTROLLER, DENIED, CANCELLED));
        TABLE.put(PENDING_VERIFICATION, EnumSet.of(VERIFIED, DENIED, CANCELLED, EXPIRED));
        TABLE.put(VERIFIED, EnumSet.of(IN_PROGRESS, DENIED, CANCELLED));
        TABLE.put(IN_PROGRESS, EnumSet.of(COMPLETED, PARTIALLY_COMPLETED, DENIED, FAILED, CANCELLED));
        TABLE.put(FAILED, EnumSet.of(IN_PROGRESS, DENIED, CANCELLED));
        TABLE.put(DENIED, EnumSet.of(IN_PROGRESS));
        TABLE.put(ROUTED_TO_CONTROLLER, EnumSet.noneOf(RequestStatus.class));
        TABLE.put(COMPLETED, EnumSet.noneOf(RequestStatus.class));
        TABLE.put(PARTIALLY_COMPLETED, EnumSet.noneOf(RequestStatus.class));
        TABLE.put(CANCELLED, EnumSet.noneOf(RequestStatus.class));
        TABLE.put(EXPIRED, EnumSet.noneOf(RequestStatus.class));
    }

    private Transitions() {
    }

    public static boolean allowed(RequestStatus from, RequestStatus to) {
        return TABLE.get(from).contains(to);
    }

    public static Set<RequestStatus> from(RequestStatus from) {
        return Set.copyOf(TABLE.get(from));
    }

    /** 409 problem when the move is not in the table. */
    public static void require(RequestStatus from, RequestStatus to) {
        if (!allowed(from, to)) {
            throw ProblemException.conflict("invalid-transition", "Not possible in this status",
                    "A request that is " + from + " cannot become " + to);
        }
    }
}
