package dev.steward.request.lifecycle;

import dev.steward.platform.problem.ProblemException;
import dev.steward.request.execution.Execution;
import dev.steward.request.execution.Step;
import dev.steward.request.execution.StepStore;
import dev.steward.request.store.RequestRecord;
import dev.steward.request.store.RequestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Moves requests through {@link Transitions}, writing one event per move (actor, time, note) in
 * the same transaction, and starts their durable steps.
 */
@ApplicationScoped
public class Lifecycle {

    /** The actor of moves the service makes by itself. */
    public static final String SYSTEM = "request-service";

    private static final Set<RequestStatus> ANSWERED = EnumSet.of(RequestStatus.COMPLETED,
            RequestStatus.PARTIALLY_COMPLETED, RequestStatus.DENIED, RequestStatus.CANCELLED,
            RequestStatus.ROUTED_TO_CONTROLLER);

    @Inject
    RequestRepository repo;
    @Inject
    StepStore steps;
    @Inject
    Execution execution;
    @Inject
    Clock clock;

    public RequestRecord move(Connection c, RequestRecord r, RequestStatus to, String actor, DenialReason reason,
                              String note) throws SQLException {
        Transitions.require(r.status(), to);
        Instant now = clock.instant();
        if (!repo.updateStatus(c, r.id(), r.status(), to, now, ANSWERED.contains(to),
                to == RequestStatus.DENIED ? reason : null)) {
            throw ProblemException.conflict("concurrent-change", "Changed meanwhile",
                    "The request changed while this action ran; read it again");
        }
        repo.insertEvent(c, r.id(), r.status(), to, actor, now, reason, note);
        return repo.find(c, r.id()).orElseThrow();
    }

    /** VERIFIED → IN_PROGRESS and the first step scheduled (complaints wait for an officer). */
    public RequestRecord begin(Connection c, RequestRecord verified) throws SQLException {
        String note = verified.type() == RequestType.COMPLAINT ? "complaint opened for the privacy officer (§13)"
                : "execution started: " + Step.plan(verified.type());
        RequestRecord r = move(c, verified, RequestStatus.IN_PROGRESS, SYSTEM, null, note);
        scheduleNext(c, r);
        return r;
    }

    /** Schedules the first step of the plan that has no persisted progress yet (if any). */
    public void scheduleNext(Connection c, RequestRecord r) throws SQLException {
        for (Step step : Step.plan(r.type())) {
            if (steps.result(c, r.id(), step).isEmpty()) {
                execution.schedule(r.id(), r.round(), step);
                return;
            }
        }
    }
}
