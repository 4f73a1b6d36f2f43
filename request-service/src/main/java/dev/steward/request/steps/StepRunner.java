package dev.steward.request.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.platform.peer.PeerErrors;
import dev.steward.platform.subject.SubjectRef;
import dev.steward.request.lifecycle.DenialReason;
import dev.steward.request.lifecycle.Lifecycle;
import dev.steward.request.lifecycle.Request;
import dev.steward.request.lifecycle.RequestStatus;
import dev.steward.request.peer.AccountClient;
import dev.steward.request.peer.DisclosureClient;
import dev.steward.platform.peer.PeerCallMetrics;
import dev.steward.request.peer.PeerDtos;
import dev.steward.request.report.Reports;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Runs one durable step. A step first looks at persisted progress: a step that is done is never
 * redone (its peer call is skipped), so a task that runs twice — after a crash between the commit
 * and db-scheduler's completion, or a dead execution revived — has the same effect as once. Peer
 * calls happen outside any transaction (the reads before them are plain auto-commit reads); their
 * result, the execution log row, and the next task (or the final status) commit together.
 */
@ApplicationScoped
@Startup // its metrics exist from the start (at 0), not from the first use
public class StepRunner {

    private static final Logger LOG = Logger.getLogger(StepRunner.class);
    private static final String ACCOUNT = PeerCallMetrics.ACCOUNT;
    private static final String DISCLOSURE = PeerCallMetrics.DISCLOSURE;

    private final Lifecycle lifecycle;
    private final StepProgress progress;
    private final Reports reports;
    private final Clock clock;
    private final ObjectMapper json;
    private final AccountClient accounts;
    private final DisclosureClient disclosures;
    private final MeterRegistry registry;
    private final PeerCallMetrics peers;

    public StepRunner(Lifecycle lifecycle, StepProgress progress, Reports reports, Clock clock, ObjectMapper json,
                      @RestClient AccountClient accounts, @RestClient DisclosureClient disclosures, MeterRegistry registry,
                      PeerCallMetrics peers) {
        this.lifecycle = lifecycle;
        this.progress = progress;
        this.reports = reports;
        this.clock = clock;
        this.json = json;
        this.accounts = accounts;
        this.disclosures = disclosures;
        this.registry = registry;
        this.peers = peers;
        for (Step step : Step.values()) { // every series exists from the start, at 0
            for (String outcome : new String[] {"succeeded", "failed", "retried"}) {
                counted(step, outcome);
            }
        }
    }

    /**
     * {@code steward.request.steps{step, outcome}}: succeeded, failed (the request needs attention), or
     * retried (an attempt failed and db-scheduler will try again, unless that was the last: then a
     * failed follows).
     */
    private Counter counted(Step step, String outcome) {
        return Counter.builder("steward.request.steps").tag("step", step.name()).tag("outcome", outcome)
                .description("Durable step attempts by outcome").register(registry);
    }

    record Ref(UUID id, int round, Step step) {
        static Ref parse(String s) {
            String[] p = s.split("/");
            return new Ref(UUID.fromString(p[0]), Integer.parseInt(p[1]), Step.valueOf(p[2]));
        }
    }

    @ActivateRequestContext
    public void run(String data, int attempt) {
        Ref ref = Ref.parse(data);
        Instant started = clock.instant();
        Optional<Request> found = Request.byId(ref.id());
        if (found.isEmpty() || !current(found.get(), ref)) {
            String why = "request is " + found.map(r -> r.status.name()).orElse("gone") + "; nothing to do";
            QuarkusTransaction.requiringNew().run(() -> log(ref, attempt, started, "SKIPPED", why));
            return;
        }
        Request r = found.get();
        Optional<JsonNode> done = StepResult.of(ref.id(), ref.step()).map(s -> s.result);
        JsonNode result;
        try {
            result = done.isPresent() ? done.get() : perform(ref.step(), r);
        } catch (PermanentStepFailure e) {
            fail(ref, attempt, started, e.getMessage());
            return;
        } catch (RuntimeException e) {
            logAttempt(ref, attempt, started, "FAILED", describe(e));
            counted(ref.step(), "retried").increment();
            throw e; // db-scheduler retries with exponential back-off
        }
        boolean advanced = QuarkusTransaction.requiringNew().call(() -> {
            Optional<Request> locked = Request.lock(ref.id());
            if (locked.isEmpty() || !current(locked.get(), ref)) {
                if (done.isEmpty() && (ref.step() == Step.EXPORT || ref.step() == Step.ACCOUNTING)) {
                    reports.forgetPart(ref.id(), ref.step() == Step.EXPORT ? Reports.PERSONAL_DATA : Reports.DISCLOSURES);
                }
                log(ref, attempt, started, "SKIPPED", "request changed meanwhile");
                return false;
            }
            if (done.isEmpty()) {
                StepResult.save(ref.id(), ref.step(), result, clock.instant());
            }
            log(ref, attempt, started, done.isPresent() ? "SKIPPED" : "SUCCEEDED",
                    done.isPresent() ? "already done before; progress reused" : summary(ref.step(), result));
            advance(locked.get(), ref.step(), result);
            return done.isEmpty();
        });
        if (advanced) {
            counted(ref.step(), "succeeded").increment();
        }
    }

    /** db-scheduler gave up after the configured retries: the request needs attention. */
    @ActivateRequestContext
    public void exhausted(String data, int attempts, Throwable cause) {
        Ref ref = Ref.parse(data);
        fail(ref, attempts, clock.instant(), "step " + ref.step() + " failed after " + attempts + " attempts: "
                + (cause == null ? "unknown error" : describe(cause)));
    }

    private void fail(Ref ref, int attempt, Instant started, String why) {
        counted(ref.step(), "failed").increment();
        QuarkusTransaction.requiringNew().run(() -> {
            log(ref, attempt, started, "FAILED", why);
            Request.lock(ref.id()).filter(r -> current(r, ref))
                    .ifPresent(r -> lifecycle.move(r, RequestStatus.FAILED, Lifecycle.SYSTEM, null, why));
        });
    }

    private void logAttempt(Ref ref, int attempt, Instant started, String outcome, String detail) {
        try {
            QuarkusTransaction.requiringNew().run(() -> log(ref, attempt, started, outcome, detail));
        } catch (RuntimeException e) {
            LOG.warnf("could not log step attempt of %s: %s", ref.id(), e.getMessage());
        }
    }

    private void log(Ref ref, int attempt, Instant started, String outcome, String detail) {
        StepLog.append(ref.id(), ref.step().name(), attempt, started, clock.instant(), outcome, detail);
    }

    private static boolean current(Request r, Ref ref) {
        return r.status == RequestStatus.IN_PROGRESS && r.round == ref.round();
    }

    private JsonNode perform(Step step, Request r) {
        SubjectRef s = r.subject();
        String kind = s.kind().name();
        String rid = r.id.toString();
        try {
            return switch (step) {
                case EXPORT -> storePart(r, Reports.PERSONAL_DATA, peers.time(ACCOUNT, () -> accounts.export(s.org(), kind, s.id())));
                case ACCOUNTING -> storePart(r, Reports.DISCLOSURES,
                        peers.time(DISCLOSURE, () -> disclosures.accounting(s.org(), kind, s.id())));
                case REPORT -> json.createObjectNode(); // composed from stored progress in advance()
                case RECTIFY -> json.valueToTree(peers.time(ACCOUNT, () -> accounts.rectify(s.org(), kind, s.id(),
                        new PeerDtos.RectificationBody(rid, changes(r)))));
                case CHECK_HOLDS -> json.valueToTree(peers.time(DISCLOSURE, () -> disclosures.activeHolds(s.org(), kind, s.id())));
                case ERASE -> json.valueToTree(peers.time(ACCOUNT,
                        () -> accounts.erase(s.org(), kind, s.id(), new PeerDtos.RequestIdBody(rid))));
                case RESTRICT -> peers.time(ACCOUNT, () -> accounts.restrict(s.org(), kind, s.id(),
                        new PeerDtos.RestrictionBody(rid, !r.details.path("restricted").isBoolean()
                                || r.details.path("restricted").booleanValue())));
            };
        } catch (PeerErrors.Rejected e) {
            if (e.notFound()) {
                switch (step) {
                    case EXPORT:
                        return json.createObjectNode().put("unknownSubject", true);
                    case ERASE:
                        ObjectNode none = json.createObjectNode().put("requestId", rid).put("unknownSubject", true);
                        none.putArray("erased");
                        none.putArray("kept");
                        return none;
                    default:
                        // disclosure-service answers an empty accounting for a subject it never saw, so a
                        // 404 there means a wrong address or version: fail loudly rather than report
                        // "no disclosures" in an access report
                        throw new PermanentStepFailure("step " + step + ": the peer answered 404");
                }
            }
            throw new PermanentStepFailure("step " + step + ": the peer refused the call (HTTP "
                    + e.getResponse().getStatus() + ")");
        }
    }

    /** The answer goes straight into the report's sections as it is read; the step keeps what it counted. */
    private JsonNode storePart(Request r, String part, InputStream answer) {
        try (answer) {
            return reports.storePart(r.id, part, answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> changes(Request r) {
        Map<String, String> out = new LinkedHashMap<>();
        r.details.path("changes").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private void advance(Request r, Step step, JsonNode result) {
        if (step == Step.CHECK_HOLDS && result.path("held").asBoolean()) {
            ObjectNode outcome = json.createObjectNode();
            outcome.putArray("erased");
            ArrayNode kept = outcome.putArray("kept");
            kept.addObject().put("what", "all personal data of the subject").put("exception", "8b")
                    .put("reason", "legal hold: " + holdReasons(result));
            outcome.put("policy", "§8b: data under a legal hold (e.g. a fraud investigation) is not erased while the hold is active");
            r.outcome = outcome;
            lifecycle.move(r, RequestStatus.DENIED, Lifecycle.SYSTEM, DenialReason.LEGAL_HOLD,
                    "§8b: erasure blocked by an active legal hold (" + holdReasons(result)
                            + "); retry after release");
            return;
        }
        List<Step> plan = Step.plan(r.type);
        if (plan.indexOf(step) + 1 < plan.size()) {
            progress.scheduleNext(r);
            return;
        }
        finish(r, step, result);
    }

    private void finish(Request r, Step last, JsonNode result) {
        ObjectNode outcome = json.createObjectNode();
        RequestStatus end = RequestStatus.COMPLETED;
        String note;
        switch (last) {
            case REPORT -> {
                StepResult export = StepResult.of(r.id, Step.EXPORT).orElseThrow();
                StepResult accounting = StepResult.of(r.id, Step.ACCOUNTING).orElseThrow();
                // the data itself is in the report's sections already; the step rows hold only what they counted
                ObjectNode summary = reports.storeOnce(r, export.result, accounting.result, clock.instant());
                outcome.set("report", summary);
                outcome.put("download", "/requests/" + r.id + "/report");
                note = "access report ready";
            }
            case RECTIFY -> {
                ArrayNode changed = outcome.putArray("changedFields");
                result.path("changed").forEach(changed::add);
                note = "rectified fields: " + changed;
            }
            case ERASE -> {
                outcome.set("erased", result.path("erased").isMissingNode() ? json.createArrayNode() : result.path("erased"));
                ArrayNode kept = outcome.putArray("kept");
                boolean partial = false;
                for (JsonNode k : result.path("kept")) {
                    kept.add(k);
                    String ex = k.path("exception").asText();
                    partial |= "8b".equals(ex) || "8c".equals(ex);
                }
                if (result.path("unknownSubject").asBoolean()) {
                    outcome.put("note", "no personal data of this subject was held");
                }
                outcome.put("policy", "§8a network access logs are kept; §8b data under a legal hold is kept; "
                        + "§8c a terminated violator's minimal record is kept to prevent re-registration");
                if (partial) {
                    end = RequestStatus.PARTIALLY_COMPLETED;
                }
                note = partial ? "erased, with data kept under §8b/§8c" : "erased (network logs kept under §8a)";
            }
            case RESTRICT -> {
                outcome.set("restriction", result);
                note = "processing restricted (§6)";
            }
            default -> throw new IllegalStateException("no final step " + last);
        }
        r.outcome = outcome;
        lifecycle.move(r, end, Lifecycle.SYSTEM, null, note);
    }

    private static String holdReasons(JsonNode holds) {
        StringBuilder b = new StringBuilder();
        for (JsonNode h : holds.path("holds")) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(h.path("scope").asText("SUBJECT")).append(' ').append(h.path("reason").asText("hold"));
        }
        return b.length() == 0 ? "hold" : b.toString();
    }

    private static String summary(Step step, JsonNode result) {
        return switch (step) {
            case EXPORT -> result.path("unknownSubject").asBoolean() ? "subject unknown to account-service"
                    : counted(result);
            case ACCOUNTING -> counted(result);
            case CHECK_HOLDS -> result.path("held").asBoolean() ? "held" : "no active hold";
            case RECTIFY -> "changed " + result.path("changed");
            default -> "done";
        };
    }

    /** "fields: 2, accessLogs: 1, ..." from what a stored answer counted. */
    private static String counted(JsonNode stored) {
        StringBuilder b = new StringBuilder();
        stored.path("sections").fields().forEachRemaining(e -> b.append(b.length() == 0 ? "" : ", ")
                .append(e.getKey()).append(": ").append(e.getValue().asInt()));
        return b.length() == 0 ? "nothing held" : b.toString();
    }

    static String describe(Throwable e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException w) {
            return e.getClass().getSimpleName() + ": HTTP " + w.getResponse().getStatus();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
