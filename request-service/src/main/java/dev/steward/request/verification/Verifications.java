package dev.steward.request.verification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.subject.SubjectRef;
import dev.steward.request.lifecycle.Lifecycle;
import dev.steward.request.lifecycle.Manner;
import dev.steward.request.lifecycle.Request;
import dev.steward.request.lifecycle.RequestEvent;
import dev.steward.request.lifecycle.RequestStatus;
import dev.steward.request.lifecycle.RequestType;
import dev.steward.request.report.Reports;
import dev.steward.request.report.SignedLinks;
import dev.steward.request.steps.Step;
import dev.steward.request.steps.StepResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * E-mail verification of public requests about the provider's own subjects (the Privacy Center, C2):
 * a 6-digit code mailed to the request's contact, valid 15 minutes and 5 wrong tries (then a new code is
 * needed), stored only as a keyed digest; the right code moves a PENDING_VERIFICATION request on without
 * an officer, and later codes (re-verification) give a new status link. Routed requests have no code.
 */
@ApplicationScoped
@Startup // its metrics exist from the start (at 0), not from the first use
@Transactional(rollbackOn = Exception.class)
public class Verifications {

    /** The actor of a move the requester made by entering their code. */
    public static final String REQUESTER = "requester (e-mail verified)";

    public enum Result { VERIFIED, WRONG_CODE, LOCKED, EXPIRED }

    /** What a code entry came to; {@code statusToken} only when verified, {@code attemptsLeft} after a wrong code. */
    public record Outcome(Result result, UUID id, RequestStatus status, String statusToken, int attemptsLeft) {
    }

    /** A code and status token made for a request, to be mailed to {@code contact} (never stored in the clear). */
    public record Issued(UUID requestId, String contact, String code, String statusToken) {
    }

    public record StepView(String name, String status, Instant at) {
    }

    /** The requester's status page. */
    public record StatusView(UUID id, RequestType type, RequestStatus status, Instant receivedAt, Instant dueAt,
                             Instant respondedAt, List<StepView> steps, JsonNode outcome, String reportLink) {
    }

    /** The steps as the requester reads them on the status page. */
    private static final Map<Step, String> PLAIN_NAMES = Map.of(
            Step.EXPORT, "Collect your data",
            Step.ACCOUNTING, "List who your data was disclosed to",
            Step.REPORT, "Prepare your report",
            Step.RECTIFY, "Correct your data",
            Step.CHECK_HOLDS, "Check for legal holds",
            Step.ERASE, "Delete your data",
            Step.RESTRICT, "Restrict the use of your data");

    private final Secrets secrets;
    private final Lifecycle lifecycle;
    private final PrivacyCenterSettings settings;
    private final Reports reports;
    private final SignedLinks links;
    private final Clock clock;
    private final Map<Result, Counter> counters = new EnumMap<>(Result.class);

    public Verifications(Secrets secrets, Lifecycle lifecycle, PrivacyCenterSettings settings, Reports reports,
                         SignedLinks links, Clock clock, MeterRegistry registry) {
        this.secrets = secrets;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.reports = reports;
        this.links = links;
        this.clock = clock;
        for (Result r : Result.values()) {
            counters.put(r, Counter.builder("steward.public.verifications").tag("outcome", r.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .description("Code entries on the Privacy Center, by outcome").register(registry));
        }
    }

    /** A public request about the provider's own subject: the only kind that is verified by e-mail. */
    public static boolean verifiable(Request r) {
        return r.manner == Manner.PUBLIC && SubjectRef.PROVIDER_ORG.equals(r.subjectOrg) && r.contact != null;
    }

    /** A new code (replacing any earlier one) and a status token for the request. */
    public Issued issue(UUID id) {
        Request r = Request.byId(id).filter(Verifications::verifiable).orElseThrow(() -> ProblemException.notFound("Request " + id));
        Instant now = clock.instant();
        String code = secrets.newCode();
        VerificationCode c = VerificationCode.lock(id).orElseGet(VerificationCode::new);
        c.requestId = id;
        c.codeHash = secrets.codeDigest(id, code);
        c.issuedAt = now;
        c.expiresAt = now.plus(settings.codeLifetime());
        c.wrongTries = 0;
        c.persist();
        String token = secrets.newToken();
        StatusToken.store(token, id, now);
        return new Issued(id, r.contact, code, token);
    }

    /**
     * A new code for {@code email} if it is the contact of that (verifiable) request; nothing otherwise,
     * and the caller answers the same either way.
     */
    public Optional<Issued> reissue(UUID id, String email) {
        boolean match = Request.byId(id).filter(Verifications::verifiable)
                .filter(r -> r.contact.trim().equalsIgnoreCase(email.trim())).isPresent();
        return match ? Optional.of(issue(id)) : Optional.empty();
    }

    public Outcome verify(UUID id, String code) {
        Request r = Request.lock(id).filter(Verifications::verifiable).orElseThrow(() -> ProblemException.notFound("Request " + id));
        Instant now = clock.instant();
        Optional<VerificationCode> live = VerificationCode.lock(id);
        Outcome out;
        if (live.isEmpty() || !now.isBefore(live.get().expiresAt)) {
            out = new Outcome(Result.EXPIRED, id, r.status, null, 0); // used, replaced by none, or too old
        } else if (live.get().wrongTries >= settings.maxTries()) {
            out = new Outcome(Result.LOCKED, id, r.status, null, 0);
        } else if (!secrets.matches(live.get().codeHash, id, code)) {
            VerificationCode c = live.get();
            c.wrongTries++; // committed with this answer: the count holds whatever the caller does next
            out = new Outcome(Result.WRONG_CODE, id, r.status, null, settings.maxTries() - c.wrongTries);
        } else {
            live.get().delete(); // a code is used once
            if (r.status == RequestStatus.PENDING_VERIFICATION) {
                lifecycle.move(r, RequestStatus.VERIFIED, REQUESTER, null,
                        "verified: the requester entered the code mailed to the request's contact address");
                lifecycle.begin(r);
            }
            String token = secrets.newToken();
            StatusToken.store(token, id, now);
            out = new Outcome(Result.VERIFIED, id, r.status, token, 0);
        }
        counters.get(out.result()).increment();
        return out;
    }

    /** The status page of the request a token was issued for; an unknown token is a 404. */
    public StatusView status(String token) {
        UUID id = StatusToken.requestOf(token).orElseThrow(() -> ProblemException.notFound("Status link"));
        Request r = Request.byId(id).orElseThrow(() -> ProblemException.notFound("Status link"));
        Map<String, Instant> done = StepResult.doneAt(id);
        List<StepView> steps = new ArrayList<>();
        Instant verifiedAt = RequestEvent.of(id).stream().filter(e -> e.to == RequestStatus.VERIFIED).map(e -> e.at)
                .findFirst().orElse(null);
        steps.add(new StepView("Identity confirmed by e-mail", verifiedAt != null ? "DONE" : "PENDING", verifiedAt));
        boolean failedMarked = false;
        for (Step step : Step.plan(r.type)) {
            Instant at = done.get(step.name());
            String state = at != null ? "DONE" : "PENDING";
            if (at == null && r.status == RequestStatus.FAILED && !failedMarked) {
                state = "FAILED";
                failedMarked = true;
            }
            steps.add(new StepView(PLAIN_NAMES.get(step), state, at));
        }
        String reportLink = reports.find(id).map(x -> links.link(id, clock.instant()).url()).orElse(null);
        return new StatusView(r.id, r.type, r.status, r.receivedAt, r.dueAt, r.respondedAt, steps, r.outcome, reportLink);
    }
}
