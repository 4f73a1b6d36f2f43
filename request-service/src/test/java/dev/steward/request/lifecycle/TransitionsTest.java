package dev.steward.request.lifecycle;

import static dev.steward.request.lifecycle.RequestStatus.CANCELLED;
import static dev.steward.request.lifecycle.RequestStatus.EXPIRED;
import static dev.steward.request.lifecycle.RequestStatus.COMPLETED;
import static dev.steward.request.lifecycle.RequestStatus.DENIED;
import static dev.steward.request.lifecycle.RequestStatus.FAILED;
import static dev.steward.request.lifecycle.RequestStatus.IN_PROGRESS;
import static dev.steward.request.lifecycle.RequestStatus.PARTIALLY_COMPLETED;
import static dev.steward.request.lifecycle.RequestStatus.PENDING_VERIFICATION;
import static dev.steward.request.lifecycle.RequestStatus.RECEIVED;
import static dev.steward.request.lifecycle.RequestStatus.ROUTED_TO_CONTROLLER;
import static dev.steward.request.lifecycle.RequestStatus.VERIFIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.platform.problem.ProblemException;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransitionsTest {

    @Test
    void theTableIsExactlyThis() {
        assertEquals(Set.of(PENDING_VERIFICATION, VERIFIED, ROUTED_TO_CONTROLLER, DENIED, CANCELLED), Transitions.from(RECEIVED));
        assertEquals(Set.of(VERIFIED, DENIED, CANCELLED, EXPIRED), Transitions.from(PENDING_VERIFICATION));
        assertEquals(Set.of(IN_PROGRESS, DENIED, CANCELLED), Transitions.from(VERIFIED));
        assertEquals(Set.of(COMPLETED, PARTIALLY_COMPLETED, DENIED, FAILED, CANCELLED), Transitions.from(IN_PROGRESS));
        assertEquals(Set.of(IN_PROGRESS, DENIED, CANCELLED), Transitions.from(FAILED));
        assertEquals(Set.of(IN_PROGRESS), Transitions.from(DENIED));
        for (RequestStatus terminal : EnumSet.of(COMPLETED, PARTIALLY_COMPLETED, CANCELLED, ROUTED_TO_CONTROLLER, EXPIRED)) {
            assertTrue(Transitions.from(terminal).isEmpty(), terminal + " is final");
        }
    }

    @Test
    void workCannotSkipVerification() {
        assertFalse(Transitions.allowed(RECEIVED, IN_PROGRESS));
        assertFalse(Transitions.allowed(PENDING_VERIFICATION, IN_PROGRESS));
        assertFalse(Transitions.allowed(RECEIVED, COMPLETED));
        assertFalse(Transitions.allowed(VERIFIED, COMPLETED));
    }

    @Test
    void aRefusedMoveIsA409Problem() {
        ProblemException e = assertThrows(ProblemException.class, () -> Transitions.require(COMPLETED, CANCELLED));
        assertEquals(409, e.problem().status());
        Transitions.require(FAILED, IN_PROGRESS); // resumable
    }

    @Test
    void openStatusesAreThoseWithARunningDeadline() {
        for (RequestStatus s : RequestStatus.values()) {
            boolean open = EnumSet.of(RECEIVED, PENDING_VERIFICATION, VERIFIED, IN_PROGRESS, FAILED).contains(s);
            assertEquals(open, s.isOpen(), s.name());
            assertEquals(open, RequestStatus.OPEN_SQL.contains("'" + s.name() + "'"), s.name());
        }
    }
}
