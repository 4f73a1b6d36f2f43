package dev.steward.request.lifecycle;

import java.util.UUID;

/**
 * The durable steps that carry out an IN_PROGRESS request, as the lifecycle sees them. Implemented
 * by the steps capability, which depends on the lifecycle and not the other way round.
 */
public interface StepPlan {

    /** The plan of a request type, for the event trail. */
    String describe(RequestType type);

    /** Schedules the first step of the plan that has no persisted progress, in the caller's transaction. */
    void scheduleNext(Request r);

    /** Forgets the hold check, so that a retried erasure checks the holds afresh. */
    void forgetHoldCheck(UUID requestId);
}
