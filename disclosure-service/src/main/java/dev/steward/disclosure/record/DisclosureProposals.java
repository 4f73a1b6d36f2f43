package dev.steward.disclosure.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.disclosure.ledger.RequestKeys;
import dev.steward.platform.problem.Problem.FieldError;
import dev.steward.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/**
 * Four eyes as two people do it: one legal user proposes a disclosure to law enforcement or a
 * regulator, a different one — signed in as themselves — approves it, and that approval records it
 * (the proposer as recorder, the approver as approver); or it is declined, or withdrawn by its
 * proposer. The approval goes through {@link Approvals}, so it is bound to exactly what was proposed.
 */
@ApplicationScoped
public class DisclosureProposals {

    private final DisclosureService disclosures;
    private final Approvals approvals;
    private final RequestKeys requestKeys;
    private final ObjectMapper json;
    private final Clock clock;

    public DisclosureProposals(DisclosureService disclosures, Approvals approvals, RequestKeys requestKeys,
                               ObjectMapper json, Clock clock) {
        this.disclosures = disclosures;
        this.approvals = approvals;
        this.requestKeys = requestKeys;
        this.json = json;
        this.clock = clock;
    }

    public DisclosureProposal.View propose(NewDisclosure in, String callerId, String callerName) {
        if (!in.recipient().type().needsFourEyes()) {
            throw ProblemException.unprocessable("no-approval-needed", "No approval needed",
                    "Only disclosures to law enforcement or a regulator wait for a second person; record this one directly",
                    new FieldError("recipient.type", "needs no approval"));
        }
        if (in.approval() != null || in.approver() != null) {
            throw ProblemException.unprocessable("four-eyes", "Approval by a second person required",
                    "A proposal is approved afterwards by a second legal user; it names no approval or approver",
                    new FieldError(in.approval() != null ? "approval" : "approver", "must be empty in a proposal"));
        }
        DisclosureProposal p = new DisclosureProposal();
        p.id = UUID.randomUUID();
        p.proposedBy = callerName;
        p.proposedById = callerId;
        p.proposedAt = now();
        p.content = json.valueToTree(in).toString();
        p.status = DisclosureProposal.Status.AWAITING_APPROVAL;
        p.persist();
        return view(p);
    }

    public DisclosureProposal.View get(UUID id) {
        return view(DisclosureProposal.<DisclosureProposal>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Proposal " + id)));
    }

    /**
     * The second legal user's approval: records the disclosure exactly as proposed. The ledger
     * entry is keyed by the proposal, so an approval whose answer was lost after the ledger's commit
     * (but before this transaction's) finds that entry instead of recording a second one.
     */
    public DisclosureProposal.View approve(UUID id, String callerId, String callerName) {
        DisclosureProposal p = awaiting(id);
        if (same(p.proposedById, callerId)) {
            throw Approvals.refused(Approvals.BY_RECORDER);
        }
        NewDisclosure proposed = content(p);
        RequestKeys.Key key = requestKeys.key("proposal", p.id.toString(), proposed);
        UUID recorded = requestKeys.once(key, k -> {
            DisclosureApproval.View approval = approvals.approve(proposed, callerId, callerName);
            return disclosures.record(proposed.withApproval(approval.id()), p.proposedById, p.proposedBy, k).record().id();
        }, earlier -> earlier);
        decide(p, DisclosureProposal.Status.RECORDED, callerName, null);
        p.disclosureId = recorded;
        return view(p);
    }

    /** Declined by a second legal user, or withdrawn by the proposer; either way with a reason. */
    public DisclosureProposal.View decline(UUID id, String callerId, String callerName, String reason) {
        DisclosureProposal p = awaiting(id);
        decide(p, same(p.proposedById, callerId) ? DisclosureProposal.Status.WITHDRAWN : DisclosureProposal.Status.DECLINED,
                callerName, reason);
        return view(p);
    }

    private DisclosureProposal awaiting(UUID id) {
        DisclosureProposal p = DisclosureProposal.<DisclosureProposal>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Proposal " + id));
        if (p.status != DisclosureProposal.Status.AWAITING_APPROVAL) {
            throw ProblemException.conflict("proposal-decided", "Proposal already decided",
                    "The proposal is " + p.status + ", not " + DisclosureProposal.Status.AWAITING_APPROVAL
                            + (p.decidedBy == null ? "" : " (by " + p.decidedBy + ")"));
        }
        return p;
    }

    private void decide(DisclosureProposal p, DisclosureProposal.Status status, String by, String reason) {
        p.status = status;
        p.decidedBy = by;
        p.decidedAt = now();
        p.reason = reason;
    }

    private NewDisclosure content(DisclosureProposal p) {
        try {
            return json.readValue(p.content, NewDisclosure.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("proposal " + p.id + " holds content this version cannot read", e);
        }
    }

    DisclosureProposal.View view(DisclosureProposal p) {
        ObjectNode disclosure;
        try {
            disclosure = (ObjectNode) json.readTree(p.content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("proposal " + p.id + " holds content that is not JSON", e);
        }
        return new DisclosureProposal.View(p.id, p.status, p.proposedBy, p.proposedAt, disclosure, p.decidedBy,
                p.decidedAt, p.reason, p.disclosureId);
    }

    private static boolean same(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
