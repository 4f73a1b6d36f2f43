package dev.steward.request.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.steward.platform.problem.ProblemException;
import dev.steward.request.deadline.Jurisdiction;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    private final Deadlines deadlines = new Deadlines(21, 60, 7);
    private final Instant received = Instant.parse("2026-03-06T15:30:00Z"); // a Friday

    @Test
    void dueDatesByJurisdiction() {
        assertEquals(Instant.parse("2026-04-05T15:30:00Z"), deadlines.dueAt(Jurisdiction.GDPR, received));
        assertEquals(Instant.parse("2026-04-20T15:30:00Z"), deadlines.dueAt(Jurisdiction.CCPA, received));
        assertEquals(Instant.parse("2026-03-27T15:30:00Z"), deadlines.dueAt(Jurisdiction.DEFAULT, received), "configured 21 days");
    }

    @Test
    void oneExtensionUpToTheMaximum() {
        Instant gdprDue = deadlines.dueAt(Jurisdiction.GDPR, received);
        assertEquals(60, deadlines.maxExtensionDays(Jurisdiction.GDPR));
        assertEquals(received.plus(Duration.ofDays(90)), deadlines.extendedDueAt(Jurisdiction.GDPR, gdprDue, 60));
        assertEquals(422, assertThrows(ProblemException.class,
                () -> deadlines.extendedDueAt(Jurisdiction.GDPR, gdprDue, 61)).problem().status());

        Instant ccpaDue = deadlines.dueAt(Jurisdiction.CCPA, received);
        assertEquals(45, deadlines.maxExtensionDays(Jurisdiction.CCPA));
        assertEquals(received.plus(Duration.ofDays(90)), deadlines.extendedDueAt(Jurisdiction.CCPA, ccpaDue, 45));
        assertThrows(ProblemException.class, () -> deadlines.extendedDueAt(Jurisdiction.CCPA, ccpaDue, 46));
        assertThrows(ProblemException.class, () -> deadlines.extendedDueAt(Jurisdiction.CCPA, ccpaDue, 0));

        assertEquals(39, deadlines.maxExtensionDays(Jurisdiction.DEFAULT), "configured 60 in total, 21 + 39");
    }

    @Test
    void ccpaAcknowledgementIsTenBusinessDays() {
        // Friday + 10 business days skips two weekends: Friday two weeks later
        assertEquals(Instant.parse("2026-03-20T15:30:00Z"), deadlines.ackDueAt(Jurisdiction.CCPA, received));
        assertEquals(Instant.parse("2026-03-13T09:00:00Z"),
                Deadlines.plusBusinessDays(Instant.parse("2026-03-07T09:00:00Z"), 5), "from a Saturday");
        assertNull(deadlines.ackDueAt(Jurisdiction.GDPR, received));
    }

    @Test
    void daysLeftMayBeNegative() {
        Instant due = Instant.parse("2026-04-05T15:30:00Z");
        assertEquals(30, Deadlines.daysLeft(due, received));
        assertEquals(0, Deadlines.daysLeft(due, due.minusSeconds(3600)));
        assertEquals(-1, Deadlines.daysLeft(due, due.plusSeconds(1)));
        assertEquals(-3, Deadlines.daysLeft(due, due.plus(Duration.ofDays(3))));
    }
}
