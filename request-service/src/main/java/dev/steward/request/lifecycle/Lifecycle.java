package dev.steward.request.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Moves requests through {@link Transitions}, writing one event per move (actor, time, note) in
 * the caller's transaction, and starts their durable steps. Callers hold the request's row lock
 * (or created the row), so the status they read is the one they move from.
 */
@ApplicationScoped
public class Lifecycle {

    /** The actor of moves the service makes by itself. */
    public static final String SYSTEM = "request-service";

    private static final Set<RequestStatus> ANSWERED = EnumSet.of(RequestStatus.COMPLETED,
            RequestStatus.PARTIALLY_COMPLETED, RequestStatus.DENIED, RequestStatus.CANCELLED,
            RequestStatus.ROUTED_TO_CONTROLLER, RequestStatus.EXPIRED);

    private final StepPlan steps;
    private final Clock clock;

    public Lifecycle(StepPlan steps, Clock clock) {
        this.steps = steps;
        this.clock = clock;
    }

    public Request move(Request r, RequestStatus to, String actor, DenialReason reason, String note) {
        Transitions.require(r.status, to);
        Instant now = clock.instant();
        RequestStatus from = r.status;
        r.status = to;
        r.updatedAt = now;
        r.respondedAt = ANSWERED.contains(to) ? now : null;
        r.denialReason = to == RequestStatus.DENIED ? reason : null;
        RequestEvent.record(r.id, from, to, actor, now, reason, note);
        return r;
    }

    /** Stores a new request (RECEIVED) with the first event of its trail. */
    public Request receive(Request fresh, String note) {
        fresh.status = RequestStatus.RECEIVED;
        fresh.updatedAt = fresh.receivedAt;
        fresh.persist();
        RequestEvent.record(fresh.id, null, RequestStatus.RECEIVED, fresh.submittedBy, fresh.receivedAt, null, note);
        return fresh;
    }

    /** A change that is not a move (an extension), on the trail all the same. */
    public void record(Request r, String actor, String note) {
        r.updatedAt = clock.instant();
        RequestEvent.record(r.id, r.status, r.status, actor, r.updatedAt, null, note);
    }

    /** VERIFIED → IN_PROGRESS and the first step scheduled (complaints wait for an officer). */
    public Request begin(Request verified) {
        String note = verified.type == RequestType.COMPLAINT ? "complaint opened for the privacy officer (§13)"
                : "execution started: " + steps.describe(verified.type);
        Request r = move(verified, RequestStatus.IN_PROGRESS, SYSTEM, null, note);
        steps.scheduleNext(r);
        return r;
    }
}
