package dev.steward.request.deadline;

import dev.steward.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import jakarta.inject.Inject;

/**
 * Deadline arithmetic. GDPR Art. 12(3): one month (30 days), extendable by two months to 90 days
 * in total. CCPA §1798.130 / Regs §7021: 45 days, extendable once by 45 to 90 in total, and receipt
 * confirmed within 10 business days. Other jurisdictions use the configured default.
 */
@ApplicationScoped
public class Deadlines {

    public static final int CCPA_ACK_BUSINESS_DAYS = 10;

    private final int defaultDays;
    private final int defaultMaxTotalDays;
    private final int dueSoonDays;

    @Inject
    public Deadlines(DeadlineSettings settings) {
        this(settings.defaultDays(), settings.defaultMaxTotalDays(), settings.dueSoonDays());
    }

    public Deadlines(int defaultDays, int defaultMaxTotalDays, int dueSoonDays) {
        this.defaultDays = defaultDays;
        this.defaultMaxTotalDays = defaultMaxTotalDays;
        this.dueSoonDays = dueSoonDays;
    }

    public int responseDays(Jurisdiction j) {
        return switch (j) {
            case GDPR -> 30;
            case CCPA -> 45;
            case DEFAULT -> defaultDays;
        };
    }

    /** The longest the answer may take including the one extension. */
    public int maxTotalDays(Jurisdiction j) {
        return switch (j) {
            case GDPR, CCPA -> 90;
            case DEFAULT -> Math.max(defaultDays, defaultMaxTotalDays);
        };
    }

    public int maxExtensionDays(Jurisdiction j) {
        return maxTotalDays(j) - responseDays(j);
    }

    public int dueSoonDays() {
        return dueSoonDays;
    }

    public Instant dueAt(Jurisdiction j, Instant received) {
        return received.plus(Duration.ofDays(responseDays(j)));
    }

    /** The acknowledgement deadline: 10 business days for CCPA, none elsewhere. */
    public Instant ackDueAt(Jurisdiction j, Instant received) {
        return j == Jurisdiction.CCPA ? plusBusinessDays(received, CCPA_ACK_BUSINESS_DAYS) : null;
    }

    /** The due date after the one extension; 422 when it would pass the jurisdiction's maximum. */
    public Instant extendedDueAt(Jurisdiction j, Instant originalDue, int days) {
        int max = maxExtensionDays(j);
        if (days < 1 || days > max) {
            throw ProblemException.unprocessable("extension-too-long", "Extension not allowed",
                    "A " + j + " deadline may be extended by 1 to " + max + " days (" + maxTotalDays(j)
                            + " days in total)",
                    new dev.steward.platform.problem.Problem.FieldError("days", "must be between 1 and " + max));
        }
        return originalDue.plus(Duration.ofDays(days));
    }

    /** Whole days from {@code now} to {@code due}, rounded down; negative once overdue. */
    public static long daysLeft(Instant due, Instant now) {
        return Math.floorDiv(Duration.between(now, due).toSeconds(), 86_400L);
    }

    /** Adds business days (Monday–Friday; public holidays are not modelled), time of day kept. */
    public static Instant plusBusinessDays(Instant start, int businessDays) {
        LocalDate date = start.atZone(ZoneOffset.UTC).toLocalDate();
        int added = 0;
        while (added < businessDays) {
            date = date.plusDays(1);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return date.atTime(start.atZone(ZoneOffset.UTC).toLocalTime()).toInstant(ZoneOffset.UTC);
    }
}
