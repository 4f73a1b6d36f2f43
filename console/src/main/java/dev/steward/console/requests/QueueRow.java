package dev.steward.console.requests;

import java.time.Duration;
import java.time.Instant;

/**
 * A queue row: the request and its deadline badge. The badge turns red in the last quarter of the
 * request's window (received to due, the extension included) and once overdue.
 */
public record QueueRow(RequestView request, String badge, boolean urgent) {

    public static QueueRow of(RequestView r, Instant now) {
        if (r.daysLeft() == null || r.dueAt() == null || r.receivedAt() == null) {
            return new QueueRow(r, null, false);
        }
        long days = r.daysLeft();
        String badge = days >= 0 ? days + (days == 1 ? " day left" : " days left")
                : -days + (days == -1 ? " day overdue" : " days overdue");
        Duration window = Duration.between(r.receivedAt(), r.dueAt());
        Duration remaining = Duration.between(now, r.dueAt());
        boolean urgent = r.overdue() || remaining.compareTo(window.dividedBy(4)) <= 0;
        return new QueueRow(r, badge, urgent);
    }
}
