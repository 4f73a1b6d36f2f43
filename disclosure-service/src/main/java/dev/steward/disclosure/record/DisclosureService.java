package dev.steward.disclosure.record;

import dev.steward.disclosure.ledger.LedgerWriter;
import dev.steward.disclosure.ledger.Receipt;
import dev.steward.disclosure.ledger.RequestKeys;
import dev.steward.platform.problem.Problem.FieldError;
import dev.steward.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Records disclosures: the rules a legal team needs enforced, then a durable ledger append. */
@ApplicationScoped
public class DisclosureService {

    private final DisclosureRepository repository;
    private final LedgerWriter ledger;
    private final ConsentCheck consent;
    private final Clock clock;
    private final RequestKeys requestKeys;
    private final Approvals approvals;

    public DisclosureService(DisclosureRepository repository, LedgerWriter ledger, ConsentCheck consent, Clock clock,
                             RequestKeys requestKeys, Approvals approvals) {
        this.approvals = approvals;
        this.requestKeys = requestKeys;
        this.repository = repository;
        this.ledger = ledger;
        this.consent = consent;
        this.clock = clock;
    }

    public record Recorded(DisclosureRecord record, Receipt receipt) {
    }

    /** Records a disclosure; with {@code key}, the Idempotency-Key is committed with its entry (see {@link RequestKeys}). */
    public Recorded record(NewDisclosure in, String callerId, String callerName, RequestKeys.Key key) {
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = new ArrayList<>();
        if (in.receivedOn().isAfter(today)) {
            errors.add(new FieldError("receivedOn", "must not be in the future"));
        }
        if (in.disclosedOn() != null && in.disclosedOn().isAfter(today)) {
            errors.add(new FieldError("disclosedOn", "must not be in the future"));
        }
        if (in.disclosedOn() != null && in.disclosedOn().isBefore(in.receivedOn())) {
            errors.add(new FieldError("disclosedOn", "must not be before receivedOn"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("invalid-dates", "Dates do not add up",
                    "The request's dates are not possible", errors.toArray(FieldError[]::new));
        }
        String approver = blankToNull(in.approver());
        if (in.recipient().type().needsFourEyes()) {
            approver = fourEyes(in, callerId);
        }
        if (in.corrects() != null && !Disclosure.exists(in.corrects())) {
            throw ProblemException.unprocessable("unknown-correction-target", "Corrected entry not found",
                    "A correction must reference an existing disclosure",
                    new FieldError("corrects", "names no recorded disclosure"));
        }
        if (in.outcome().disclosed() && DisclosureRecord.voluntary(in.legalBasis(), in.recipient().type())) {
            consent.requireSharingAllowed(in.subjects());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        DisclosureRecord r = new DisclosureRecord(UUID.randomUUID(), now, callerName, in.recipient(), in.legalBasis(),
                blankToNull(in.caseReference()), in.receivedOn(), in.disclosedOn(), List.copyOf(in.subjects()),
                List.copyOf(in.dataCategories()), in.purpose(), in.outcome(), approver,
                in.attachments() == null ? List.of() : List.copyOf(in.attachments()), in.nonDisclosureOrder(),
                in.corrects(), blankToNull(in.correctionNote()));
        return new Recorded(r, ledger.appendAndWait(requestKeys.keyed(repository.content(r), key)));
    }

    /**
     * The approver's name, from a second legal user's approval of exactly this disclosure: a name
     * typed into the request proves nobody approved anything, so it is refused for these recipients.
     */
    private String fourEyes(NewDisclosure in, String callerId) {
        String type = in.recipient().type().name();
        if (in.approver() != null) {
            throw ProblemException.unprocessable("four-eyes", "Approval by a second person required",
                    "Disclosures to " + type + " are approved by a second legal user signed in as themselves"
                            + " (POST /disclosure-approvals, or a proposal at /disclosure-proposals), not by a typed name",
                    new FieldError("approver", "is not accepted for " + type + " disclosures: name the approval instead"));
        }
        if (in.approval() == null) {
            throw ProblemException.unprocessable("four-eyes", "Approval by a second person required",
                    "Disclosures to " + type + " need an approval given by a second legal user (POST /disclosure-approvals,"
                            + " or a proposal at /disclosure-proposals)",
                    new FieldError("approval", "is required for " + type + " disclosures"));
        }
        return approvals.use(in, callerId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
