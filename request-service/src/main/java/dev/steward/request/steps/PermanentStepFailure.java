package dev.steward.request.steps;

/** A step that cannot succeed by being tried again (a peer refused it): the request FAILS at once. */
public class PermanentStepFailure extends RuntimeException {
    public PermanentStepFailure(String message) {
        super(message, null, false, false);
    }
}
