package dev.steward.account.retention;

import java.time.Instant;
import java.util.List;

/** What one purge run deleted, and which subjects it skipped because of a legal hold. */
public record PurgeReceipt(long id, String trigger, Instant startedAt, Instant finishedAt, long fieldsPurged,
                           long subjectsPurged, long accessLogsPurged, long heldSkipped, List<String> heldSubjects) {
}
