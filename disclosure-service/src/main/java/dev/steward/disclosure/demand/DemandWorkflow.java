package dev.steward.disclosure.demand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.disclosure.demand.TransitionRequest.Production;
import dev.steward.disclosure.hold.CaseHolds;
import dev.steward.disclosure.hold.HoldReason;
import dev.steward.disclosure.ledger.LedgerWriter;
import dev.steward.disclosure.ledger.RequestKeys;
import dev.steward.disclosure.platform.Jcs;
import dev.steward.disclosure.record.DisclosureRecord;
import dev.steward.disclosure.record.DisclosureRepository;
import dev.steward.disclosure.record.NewDisclosure;
import dev.steward.disclosure.record.Outcome;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.Problem.FieldError;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.subject.SubjectRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The legal demand workflow: intake, the transitions of {@link Transitions}' table, the scope
 * review, four eyes, production (which records the disclosure), gag-lift efforts and preservation
 * extensions. Every change is one event, appended to the ledger with the demand's new state; the
 * answer comes once it is durable.
 */
@ApplicationScoped
public class DemandWorkflow {

    /** Who acts when the service itself acts (a preservation lapsing, a notice delivered). */
    public static final String SYSTEM = "disclosure-service";
    private static final Set<DemandStatus> REVIEWING = EnumSet.of(DemandStatus.IN_REVIEW, DemandStatus.NARROWED,
            DemandStatus.CHALLENGED);

    private final LedgerWriter ledger;
    private final DemandLedger demandLedger;
    private final DisclosureRepository disclosures;
    private final CaseHolds holds;
    private final ScopeRules rules;
    private final LegalSettings settings;
    private final RequestKeys requestKeys;
    private final ObjectMapper json;
    private final Clock clock;

    public DemandWorkflow(LedgerWriter ledger, DemandLedger demandLedger, DisclosureRepository disclosures,
                          CaseHolds holds, ScopeRules rules, LegalSettings settings, RequestKeys requestKeys,
                          ObjectMapper json, Clock clock) {
        this.ledger = ledger;
        this.demandLedger = demandLedger;
        this.disclosures = disclosures;
        this.holds = holds;
        this.rules = rules;
        this.settings = settings;
        this.requestKeys = requestKeys;
        this.json = json;
        this.clock = clock;
    }

    /** Who acts: the token's stable subject (four eyes compares these) and a readable name. */
    public record Actor(String id, String name) {
    }

    /** The case reference the holds of a preservation carry. */
    static String caseReference(UUID demandId) {
        return "legal-demand/" + demandId;
    }

    public UUID intake(NewLegalDemand in, Actor actor, RequestKeys.Key key) {
        LocalDate today = LocalDate.now(clock);
        if (in.receivedOn().isAfter(today)) {
            throw ProblemException.unprocessable("invalid-dates", "Dates do not add up", "A demand cannot be received in the future",
                    new FieldError("receivedOn", "must not be in the future"));
        }
        if (in.followsDemand() != null && LegalDemand.findById(in.followsDemand()) == null) {
            throw ProblemException.unprocessable("unknown-demand", "Earlier demand not found",
                    "followsDemand must name a recorded demand (e.g. the preservation this demand follows)",
                    new FieldError("followsDemand", "names no recorded demand"));
        }
        Instant now = now();
        LegalDemand demand = LegalDemand.of(in, UUID.randomUUID(), now, actor.name(), actor.id());
        DemandEvent first = event(demand.id, 1, DemandEvent.RECEIVED, null, DemandStatus.RECEIVED, actor, now,
                null, null, Map.of());
        DemandState state = new DemandState();
        state.demandId = demand.id;
        state.gagUntil = demand.gagUntil;
        state.gagIndefinite = demand.gagIndefinite;
        if (demand.processType == ProcessType.PRESERVATION_REQUEST) {
            state.preserveUntil = demand.receivedOn.plusDays(settings.preservationDays());
        }
        ledger.appendAndWait(requestKeys.keyed(demandLedger.content(demand, first, state.next(first)), key));
        if (demand.processType == ProcessType.PRESERVATION_REQUEST) {
            preserve(demand, state.preserveUntil); // after the demand is durable: a hold always names a recorded demand
        }
        return demand.id;
    }

    public UUID transition(UUID id, TransitionRequest t, Actor actor, RequestKeys.Key key) {
        LegalDemand demand = demand(id);
        DemandState state = state(id);
        DemandStatus to = t.to();
        if (!Transitions.allowed(state.status, to)) {
            throw new ProblemException(Problem.of(409, "transition-not-allowed", "Transition not allowed",
                    "A demand in status " + state.status + " cannot move to " + to + "; from " + state.status
                            + " it may move to " + Transitions.allowedFrom(state.status)));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        RejectionReason code = null;
        UUID disclosureId = null;
        Integer affected = null;
        switch (to) {
            case VERIFIED -> {
                if (t.verification() == null) {
                    throw missing("verification", "how authenticity was checked and the evidence's SHA-256 are required to verify");
                }
                details.put("method", t.verification().method());
                details.put("evidenceSha256", t.verification().evidenceSha256());
                details.put("checkedBy", actor.name());
            }
            case REJECTED -> {
                if (t.reasonCode() == null) {
                    throw missing("reasonCode", "a rejection needs its reason code");
                }
                code = t.reasonCode();
            }
            case NARROWED, CHALLENGED -> {
                if (blank(t.reason())) {
                    throw missing("reason", "say how the demand was narrowed or on what grounds it is challenged");
                }
            }
            case APPROVED_FOR_PRODUCTION -> {
                if (demand.processType.basis() == null) {
                    throw ProblemException.unprocessable("nothing-to-produce", "This process does not produce",
                            "A " + demand.processType + " preserves data; nothing is produced under it",
                            new FieldError("to", "is not possible for a " + demand.processType));
                }
                if (actor.id().toLowerCase(Locale.ROOT).equals(demand.recordedById.toLowerCase(Locale.ROOT))) {
                    throw new ProblemException(Problem.of(403, "four-eyes", "Approval by a second person required",
                            "The person who recorded the demand cannot approve its production: a second legal user,"
                                    + " signed in as themselves, must approve it (four eyes)"));
                }
                if (!state.scopeReviewed) {
                    throw ProblemException.conflict("scope-not-reviewed", "Scope not reviewed",
                            "Record the scope review (POST /legal-demands/" + id + "/scope-review) before approving production");
                }
                details.put("approvedBy", actor.name());
            }
            case PRODUCED_FULL, PRODUCED_PARTIAL -> {
                if (t.production() == null) {
                    throw missing("production", "what was produced (subjects, categories, SHA-256) is required");
                }
                List<SubjectRef> produced = checkProduction(demand, t.production(), to);
                DisclosureRecord r = disclosure(demand, state, t.production(), produced, actor);
                ledger.appendAndWait(disclosures.content(r));
                disclosureId = r.id();
                affected = new LinkedHashSet<>(produced).size();
                details.put("sha256", t.production().sha256());
                details.put("categories", List.copyOf(t.production().categories()));
                details.put("producedOn", r.disclosedOn().toString());
            }
            default -> {
                // NO_DATA and IN_REVIEW need no more than the reason, if any
            }
        }
        DemandEvent e = event(id, state.step + 1, DemandEvent.TRANSITION, state.status, to, actor, now(),
                blankToNull(t.reason()), code, details);
        e.disclosureId = disclosureId;
        e.accountsAffected = affected;
        DemandState next = state.next(e);
        if (to == DemandStatus.APPROVED_FOR_PRODUCTION) {
            next.approvedById = actor.id();
        }
        if (affected != null) {
            next.accountsAffected = affected;
        }
        append(demand, e, next, key);
        return id;
    }

    public UUID reviewScope(UUID id, ScopeReview review, Actor actor, RequestKeys.Key key) {
        LegalDemand demand = demand(id);
        DemandState state = state(id);
        if (!REVIEWING.contains(state.status)) {
            throw ProblemException.conflict("not-in-review", "Not in review",
                    "The scope is reviewed while the demand is IN_REVIEW, NARROWED or CHALLENGED; it is " + state.status);
        }
        List<FieldError> errors = new ArrayList<>();
        List<Object> rows = new ArrayList<>();
        Set<String> reviewed = new LinkedHashSet<>();
        for (int i = 0; i < review.categories().size(); i++) {
            ScopeReview.Category c = review.categories().get(i);
            boolean requested = demand.dataCategories.contains(c.category());
            boolean covered = rules.covers(demand.processType, c.category());
            if (!reviewed.add(c.category())) {
                errors.add(new FieldError("categories[" + i + "].category", "is reviewed twice"));
            }
            if (c.produce() && !requested) {
                errors.add(new FieldError("categories[" + i + "].category", "was not requested: only requested data is produced"));
            }
            if (c.produce() && !covered && blank(c.justification())) {
                errors.add(new FieldError("categories[" + i + "].justification", "is required: a " + demand.processType
                        + " does not cover " + c.category()));
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("category", c.category());
            row.put("requested", requested);
            row.put("covered", covered);
            row.put("produce", c.produce());
            row.put("justification", blankToNull(c.justification()));
            rows.add(row);
        }
        for (String requested : demand.dataCategories) {
            if (!reviewed.contains(requested)) {
                errors.add(new FieldError("categories", "must review every requested category; " + requested + " is missing"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("scope-review-invalid", "Scope review refused",
                    "The review must cover each requested category, and produce only requested categories,"
                            + " those outside the process's scope only with a justification",
                    errors.toArray(FieldError[]::new));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("categories", rows);
        details.put("note", blankToNull(review.note()));
        DemandEvent e = event(id, state.step + 1, DemandEvent.SCOPE_REVIEWED, state.status, state.status, actor, now(),
                null, null, details);
        DemandState next = state.next(e);
        next.scopeReviewed = true;
        append(demand, e, next, key);
        return id;
    }

    public UUID liftEffort(UUID id, LiftEffort effort, Actor actor, RequestKeys.Key key) {
        LegalDemand demand = demand(id);
        DemandState state = state(id);
        LocalDate today = LocalDate.now(clock);
        if (demand.gagAuthority == null || !state.gaggedOn(today)) {
            throw ProblemException.conflict("no-active-gag", "No non-disclosure order in force",
                    "Demand " + id + " has no non-disclosure order in force to lift");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("description", effort.description());
        details.put("result", effort.result().name());
        DemandEvent e = event(id, state.step + 1, DemandEvent.GAG_LIFT_EFFORT, state.status, state.status, actor, now(),
                null, null, details);
        DemandState next = state.next(e);
        if (effort.result() == LiftEffort.Result.LIFTED) {
            next.gagUntil = today.minusDays(1); // no longer in force today: the notice is due
            next.gagIndefinite = false;
        }
        append(demand, e, next, key);
        return id;
    }

    public UUID extendPreservation(UUID id, Extension extension, Actor actor, RequestKeys.Key key) {
        LegalDemand demand = demand(id);
        DemandState state = state(id);
        if (demand.processType != ProcessType.PRESERVATION_REQUEST) {
            throw ProblemException.conflict("not-a-preservation", "Not a preservation", "Only a preservation request is extended");
        }
        if (state.preservationExtended || state.preservationReleased) {
            throw ProblemException.conflict("preservation-not-extendable", "Preservation not extendable",
                    state.preservationReleased ? "The preservation lapsed and its holds were released"
                            : "A preservation is extended once only; it was extended to " + state.preserveUntil);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        LocalDate until = state.preserveUntil.plusDays(settings.preservationDays());
        details.put("until", until.toString());
        DemandEvent e = event(id, state.step + 1, DemandEvent.PRESERVATION_EXTENDED, state.status, state.status, actor,
                now(), extension.reason(), null, details);
        DemandState next = state.next(e);
        next.preserveUntil = until;
        next.preservationExtended = true;
        append(demand, e, next, key);
        return id;
    }

    /**
     * Places the preservation's holds on every named subject that has none yet: at intake, and again
     * by the sweep while the preservation stands (so holds a failure kept from being placed follow).
     */
    int preserve(LegalDemand demand, LocalDate until) {
        return holds.placeMissing(demand.identifiers(), HoldReason.PRESERVATION_REQUEST, caseReference(demand.id),
                "Preservation request " + (demand.caseNumber == null ? "" : demand.caseNumber + " ")
                        + "from " + demand.agencyName + ", until " + until, demand.recordedBy, now()).size();
    }

    /** The sweep's: a standing preservation's missing holds are placed. */
    int preserve(UUID id) {
        DemandState state = state(id);
        return state.preservationReleased ? 0 : preserve(demand(id), state.preserveUntil);
    }

    /** The sweep's: a lapsed preservation's holds are released and the lapse recorded. */
    void lapsePreservation(UUID id) {
        LegalDemand demand = demand(id);
        DemandState state = state(id);
        Instant now = now();
        int released = holds.releaseActive(caseReference(id), "Preservation lapsed on " + state.preserveUntil
                + " with no production following", SYSTEM, now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("holdsReleased", released);
        details.put("until", state.preserveUntil.toString());
        DemandEvent e = event(id, state.step + 1, DemandEvent.PRESERVATION_LAPSED, state.status, state.status,
                new Actor(SYSTEM, SYSTEM), now, null, null, details);
        DemandState next = state.next(e);
        next.preservationReleased = true;
        append(demand, e, next, null);
    }

    /** The sweep's: a notice delivered to a Client org, on record. */
    void noticeDelivered(UUID id, String org, UUID deliveryId) {
        LegalDemand demand = demand(id);
        DemandState state = state(id);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("audience", "CLIENT");
        details.put("org", org);
        details.put("deliveryId", deliveryId.toString());
        DemandEvent e = event(id, state.step + 1, DemandEvent.NOTICE_DELIVERED, state.status, state.status,
                new Actor(SYSTEM, SYSTEM), now(), null, null, details);
        append(demand, e, state.next(e), null);
    }

    private List<SubjectRef> checkProduction(LegalDemand demand, Production p, DemandStatus to) {
        Set<String> approved = approvedCategories(demand.id);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < p.categories().size(); i++) {
            if (!approved.contains(p.categories().get(i))) {
                errors.add(new FieldError("production.categories[" + i + "]", "was not approved in the scope review"));
            }
        }
        List<SubjectRef> named = demand.identifiers();
        for (int i = 0; i < p.subjects().size(); i++) {
            if (!named.contains(p.subjects().get(i))) {
                errors.add(new FieldError("production.subjects[" + i + "]", "is not named by the demand"));
            }
        }
        if (to == DemandStatus.PRODUCED_FULL && errors.isEmpty()
                && (!Set.copyOf(p.categories()).containsAll(demand.dataCategories) || !Set.copyOf(p.subjects()).containsAll(named))) {
            errors.add(new FieldError("to", "PRODUCED_FULL means every requested category for every named subject;"
                    + " this is PRODUCED_PARTIAL"));
        }
        LocalDate today = LocalDate.now(clock);
        if (p.producedOn() != null && (p.producedOn().isAfter(today) || p.producedOn().isBefore(demand.receivedOn))) {
            errors.add(new FieldError("production.producedOn", "must be between receivedOn and today"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("production-out-of-scope", "Production refused",
                    "Only approved categories of named subjects are produced", errors.toArray(FieldError[]::new));
        }
        return List.copyOf(new LinkedHashSet<>(p.subjects()));
    }

    /** The categories the latest scope review marked to produce. */
    private Set<String> approvedCategories(UUID demandId) {
        DemandEvent review = DemandEvent.<DemandEvent>find("demandId = ?1 and action = ?2 order by step desc",
                demandId, DemandEvent.SCOPE_REVIEWED).firstResult();
        Set<String> out = new LinkedHashSet<>();
        if (review != null) {
            try {
                for (JsonNode c : json.readTree(review.details).path("categories")) {
                    if (c.path("produce").asBoolean()) {
                        out.add(c.path("category").asText());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The disclosure a production records: linked to the demand by its case reference and the event. */
    private DisclosureRecord disclosure(LegalDemand d, DemandState state, Production p, List<SubjectRef> produced,
                                        Actor actor) {
        boolean content = p.categories().stream().anyMatch(rules::content);
        NewDisclosure.NonDisclosureOrder gag = state.gagIndefinite
                ? new NewDisclosure.NonDisclosureOrder(null, true, d.gagReviewOn != null ? d.gagReviewOn : LocalDate.now(clock))
                : state.gagUntil != null ? new NewDisclosure.NonDisclosureOrder(state.gagUntil, false, null) : null;
        String approver = DemandEvent.<DemandEvent>find("demandId = ?1 and toStatus = ?2 and action = ?3 order by step desc",
                d.id, DemandStatus.APPROVED_FOR_PRODUCTION, DemandEvent.TRANSITION).firstResultOptional()
                .map(e -> e.actor).orElse(null);
        return new DisclosureRecord(UUID.randomUUID(), now(), actor.name(),
                new NewDisclosure.Recipient(d.agencyType, d.agencyName, d.agencyContact), d.processType.basis(),
                d.caseNumber, d.receivedOn, p.producedOn() == null ? LocalDate.now(clock) : p.producedOn(), produced,
                List.copyOf(p.categories()), "Production for legal demand " + d.id + " (" + d.processType + ")",
                content ? Outcome.CONTENT_DISCLOSED : Outcome.NON_CONTENT_DISCLOSED, approver,
                List.of(new NewDisclosure.Attachment("production", p.sha256(), blankToNull(p.mediaType()))), gag, null, null);
    }

    private void append(LegalDemand demand, DemandEvent e, DemandState next, RequestKeys.Key key) {
        try {
            ledger.appendAndWait(requestKeys.keyed(demandLedger.content(null, e, next), key));
        } catch (LedgerWriter.DuplicateEntry concurrent) {
            throw ProblemException.conflict("demand-changed", "Demand changed meanwhile",
                    "Another change to demand " + demand.id + " was recorded first; reload it and try again");
        }
    }

    private DemandEvent event(UUID demandId, int step, String action, DemandStatus from, DemandStatus to, Actor actor,
                              Instant at, String reason, RejectionReason code, Map<String, Object> details) {
        DemandEvent e = new DemandEvent();
        e.id = UUID.randomUUID();
        e.demandId = demandId;
        e.step = step;
        e.action = action;
        e.fromStatus = from;
        e.toStatus = to;
        e.actor = actor.name();
        e.actorId = actor.id();
        e.at = at;
        e.reason = reason;
        e.reasonCode = code;
        e.details = Jcs.encode(details);
        return e;
    }

    static LegalDemand demand(UUID id) {
        return LegalDemand.<LegalDemand>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Legal demand " + id));
    }

    static DemandState state(UUID id) {
        // read fresh: the group commit rewrites the row outside this persistence context
        DemandState s = DemandState.findById(id);
        if (s != null) {
            DemandState.getEntityManager().refresh(s);
            return s;
        }
        throw ProblemException.notFound("Legal demand " + id);
    }

    private static ProblemException missing(String field, String message) {
        return ProblemException.unprocessable("missing-" + field.toLowerCase(Locale.ROOT), "Missing " + field, message,
                new FieldError(field, "is required for this transition"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s;
    }
}
