package dev.steward.request.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.platform.subject.SubjectRef;
import dev.steward.request.lifecycle.DenialReason;
import dev.steward.request.lifecycle.Lifecycle;
import dev.steward.request.lifecycle.RequestStatus;
import dev.steward.request.peer.AccountClient;
import dev.steward.request.peer.DisclosureClient;
import dev.steward.request.peer.PeerDtos;
import dev.steward.platform.peer.PeerErrors;
import dev.steward.request.report.Reports;
import dev.steward.request.store.Db;
import dev.steward.request.store.RequestRecord;
import dev.steward.request.store.RequestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * calls happen outside any transaction; their result, the execution log row, and the next task (or
 * the final status) commit together.
 */
@ApplicationScoped
public class StepRunner {

    private static final Logger LOG = Logger.getLogger(StepRunner.class);

    @Inject
    Db db;
    @Inject
    RequestRepository repo;
    @Inject
    StepStore steps;
    @Inject
    Lifecycle lifecycle;
    @Inject
    Reports reports;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;
    @Inject
    @RestClient
    AccountClient accounts;
    @Inject
    @RestClient
    DisclosureClient disclosures;

    record Ref(UUID id, int round, Step step) {
        static Ref parse(String s) {
            String[] p = s.split("/");
            return new Ref(UUID.fromString(p[0]), Integer.parseInt(p[1]), Step.valueOf(p[2]));
        }
    }

    public void run(String data, int attempt) {
        Ref ref = Ref.parse(data);
        Instant started = clock.instant();
        Optional<RequestRecord> found = db.read(c -> repo.find(c, ref.id()));
        if (found.isEmpty() || !current(found.get(), ref)) {
            db.tx(c -> {
                steps.log(c, ref.id(), ref.step().name(), attempt, started, clock.instant(), "SKIPPED",
                        "request is " + found.map(r -> r.status().name()).orElse("gone") + "; nothing to do");
                return null;
            });
            return;
        }
        RequestRecord r = found.get();
        Optional<JsonNode> done = db.read(c -> steps.result(c, ref.id(), ref.step()));
        JsonNode result;
        try {
            result = done.isPresent() ? done.get() : perform(ref.step(), r);
        } catch (PermanentStepFailure e) {
            fail(ref, attempt, started, e.getMessage());
            return;
        } catch (RuntimeException e) {
            logAttempt(ref, attempt, started, "FAILED", describe(e));
            throw e; // db-scheduler retries with exponential back-off
        }
        db.tx(c -> {
            Optional<RequestRecord> locked = repo.lock(c, ref.id());
            if (locked.isEmpty() || !current(locked.get(), ref)) {
                steps.log(c, ref.id(), ref.step().name(), attempt, started, clock.instant(), "SKIPPED",
                        "request changed meanwhile");
                return null;
            }
            if (done.isEmpty()) {
                steps.save(c, ref.id(), ref.step(), result, clock.instant());
            }
            steps.log(c, ref.id(), ref.step().name(), attempt, started, clock.instant(),
                    done.isPresent() ? "SKIPPED" : "SUCCEEDED",
                    done.isPresent() ? "already done before; progress reused" : summary(ref.step(), result));
            advance(c, locked.get(), ref.step(), result);
            return null;
        });
    }

    /** db-scheduler gave up after the configured retries: the request needs attention. */
    public void exhausted(String data, int attempts, Throwable cause) {
        Ref ref = Ref.parse(data);
        fail(ref, attempts, clock.instant(), "step " + ref.step() + " failed after " + attempts + " attempts: "
                + (cause == null ? "unknown error" : describe(cause)));
    }

    private void fail(Ref ref, int attempt, Instant started, String why) {
        db.tx(c -> {
            steps.log(c, ref.id(), ref.step().name(), attempt, started, clock.instant(), "FAILED", why);
            Optional<RequestRecord> locked = repo.lock(c, ref.id());
            if (locked.isPresent() && current(locked.get(), ref)) {
                lifecycle.move(c, locked.get(), RequestStatus.FAILED, Lifecycle.SYSTEM, null, why);
            }
            return null;
        });
    }

    private void logAttempt(Ref ref, int attempt, Instant started, String outcome, String detail) {
        try {
            db.tx(c -> {
                steps.log(c, ref.id(), ref.step().name(), attempt, started, clock.instant(), outcome, detail);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warnf("could not log step attempt of %s: %s", ref.id(), e.getMessage());
        }
    }

    private static boolean current(RequestRecord r, Ref ref) {
        return r.status() == RequestStatus.IN_PROGRESS && r.round() == ref.round();
    }

    private JsonNode perform(Step step, RequestRecord r) {
        SubjectRef s = r.subject();
        String kind = s.kind().name();
        String rid = r.id().toString();
        try {
            return switch (step) {
                case EXPORT -> accounts.export(s.org(), kind, s.id());
                case ACCOUNTING -> disclosures.accounting(s.org(), kind, s.id());
                case REPORT -> json.createObjectNode(); // composed from stored progress in advance()
                case RECTIFY -> json.valueToTree(accounts.rectify(s.org(), kind, s.id(),
                        new PeerDtos.RectificationBody(rid, changes(r))));
                case CHECK_HOLDS -> json.valueToTree(disclosures.activeHolds(s.org(), kind, s.id()));
                case ERASE -> json.valueToTree(accounts.erase(s.org(), kind, s.id(), new PeerDtos.RequestIdBody(rid)));
                case RESTRICT -> accounts.restrict(s.org(), kind, s.id(),
                        new PeerDtos.RestrictionBody(rid, !r.details().path("restricted").isBoolean()
                                || r.details().path("restricted").booleanValue()));
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

    private Map<String, String> changes(RequestRecord r) {
        Map<String, String> out = new LinkedHashMap<>();
        r.details().path("changes").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private void advance(java.sql.Connection c, RequestRecord r, Step step, JsonNode result) throws Exception {
        if (step == Step.CHECK_HOLDS && result.path("held").asBoolean()) {
            ObjectNode outcome = json.createObjectNode();
            outcome.putArray("erased");
            ArrayNode kept = outcome.putArray("kept");
            kept.addObject().put("what", "all personal data of the subject").put("exception", "8b")
                    .put("reason", "legal hold: " + holdReasons(result));
            outcome.put("policy", "§8b: data under a legal hold (e.g. a fraud investigation) is not erased while the hold is active");
            repo.setOutcome(c, r.id(), outcome);
            lifecycle.move(c, r, RequestStatus.DENIED, Lifecycle.SYSTEM, DenialReason.LEGAL_HOLD,
                    "§8b: erasure blocked by an active legal hold (" + holdReasons(result)
                            + "); retry after release");
            return;
        }
        List<Step> plan = Step.plan(r.type());
        int at = plan.indexOf(step);
        if (at + 1 < plan.size()) {
            lifecycle.scheduleNext(c, r);
            return;
        }
        finish(c, r, step, result);
    }

    private void finish(java.sql.Connection c, RequestRecord r, Step last, JsonNode result) throws Exception {
        ObjectNode outcome = json.createObjectNode();
        RequestStatus end = RequestStatus.COMPLETED;
        String note;
        switch (last) {
            case REPORT -> {
                JsonNode export = steps.result(c, r.id(), Step.EXPORT).orElseThrow();
                JsonNode accounting = steps.result(c, r.id(), Step.ACCOUNTING).orElseThrow();
                ObjectNode summary = reports.storeOnce(c, r, export, accounting, clock.instant());
                // one copy of the data: the report; the step rows keep only what they counted
                steps.replace(c, r.id(), Step.EXPORT, summary.path("personalData"));
                steps.replace(c, r.id(), Step.ACCOUNTING, summary.path("disclosures"));
                outcome.set("report", summary);
                outcome.put("download", "/requests/" + r.id() + "/report");
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
        repo.setOutcome(c, r.id(), outcome);
        lifecycle.move(c, r, end, Lifecycle.SYSTEM, null, note);
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
                    : result.path("fields").size() + " fields, " + result.path("accessLogs").size() + " access log entries";
            case ACCOUNTING -> result.path("entries").size() + " disclosures";
            case CHECK_HOLDS -> result.path("held").asBoolean() ? "held" : "no active hold";
            case RECTIFY -> "changed " + result.path("changed");
            default -> "done";
        };
    }

    static String describe(Throwable e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException w) {
            return e.getClass().getSimpleName() + ": HTTP " + w.getResponse().getStatus();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
