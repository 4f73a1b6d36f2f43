package dev.steward.request.steps;

import dev.steward.request.lifecycle.RequestType;
import java.util.List;

/** The durable steps, each one db-scheduler task; {@link #plan} gives their order per type. */
public enum Step {
    /** account-service export of everything held about the subject. */
    EXPORT,
    /** disclosure-service accounting of disclosures. */
    ACCOUNTING,
    /** Compose and store the ACCESS report. */
    REPORT,
    RECTIFY,
    /** Legal holds in disclosure-service (§8b) before anything is erased. */
    CHECK_HOLDS,
    ERASE,
    RESTRICT;

    public static List<Step> plan(RequestType type) {
        return switch (type) {
            case ACCESS -> List.of(EXPORT, ACCOUNTING, REPORT);
            case RECTIFICATION -> List.of(RECTIFY);
            case ERASURE -> List.of(CHECK_HOLDS, ERASE);
            case RESTRICTION -> List.of(RESTRICT);
            case COMPLAINT -> List.of();
        };
    }
}
