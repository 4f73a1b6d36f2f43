package dev.steward.disclosure.hold;

import dev.steward.disclosure.ledger.LedgerWriter;
import dev.steward.platform.subject.SubjectRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.UUID;

/**
 * Holds placed for a case by the service itself (a preservation request, issue 15): one hold per
 * named subject, all carrying the case's reference, placed and released as ledger entries like
 * those legal places by hand.
 */
@ApplicationScoped
public class CaseHolds {

    private final LedgerWriter ledger;
    private final HoldLedger holdLedger;

    public CaseHolds(LedgerWriter ledger, HoldLedger holdLedger) {
        this.ledger = ledger;
        this.holdLedger = holdLedger;
    }

    /**
     * Places a hold on each subject the case has no hold on yet (so a retry after a failure half-way
     * completes the set, and never doubles it); answers once all are durable in the ledger.
     */
    public List<UUID> placeMissing(List<SubjectRef> subjects, HoldReason reason, String caseReference, String description,
                                   String actor, Instant at) {
        Set<SubjectRef> held = new HashSet<>();
        for (LegalHold h : LegalHold.<LegalHold>list("caseReference", caseReference)) {
            held.add(h.subject());
        }
        List<UUID> ids = new ArrayList<>();
        for (SubjectRef s : subjects) {
            if (held.add(s)) {
                LegalHold h = new NewHold(s, null, reason, description, caseReference).place(actor, at);
                ledger.appendAndWait(holdLedger.placed(h));
                ids.add(h.id);
            }
        }
        return ids;
    }

    /** Every hold placed for the case, active or not. */
    public List<UUID> placedFor(String caseReference) {
        return LegalHold.<LegalHold>list("caseReference = ?1 order by placedAt, id", caseReference).stream()
                .map(h -> h.id).toList();
    }

    /** Releases the case's holds that are still active; answers how many. */
    public int releaseActive(String caseReference, String reason, String actor, Instant at) {
        List<LegalHold> active = LegalHold.list("from LegalHold h left join fetch h.release r"
                + " where r is null and h.caseReference = ?1", caseReference);
        int released = 0;
        for (LegalHold h : active) {
            HoldRelease r = new HoldRelease();
            r.holdId = h.id;
            r.hold = h;
            r.reason = reason;
            r.releasedBy = actor;
            r.releasedAt = at;
            try {
                ledger.appendAndWait(holdLedger.released(h.id, r));
                released++;
            } catch (LedgerWriter.DuplicateEntry e) {
                // released meanwhile by legal: it stays as they released it
            }
        }
        return released;
    }
}
