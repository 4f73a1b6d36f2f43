package dev.steward.request.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.request.execution.Execution;
import dev.steward.request.lifecycle.Request;
import dev.steward.request.peer.AccountClient;
import dev.steward.request.peer.OrganisationView;
import dev.steward.request.steps.StepLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.io.UncheckedIOException;
import java.net.URI;
import dev.steward.platform.peer.PeerCallMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Routed requests (§1: for its Clients' end users the provider is not the controller): the
 * request is handed to the Client as an OpenDSR-like JSON document, signed with the Client's
 * callbackSecret ({@link CallbackVerifier}), POSTed to its callbackUrl and retried with exponential
 * back-off (a durable db-scheduler task) until the Client answers 2xx. Each event gets a delivery id
 * when it is stored; its retries send the same id, so the Client can de-duplicate.
 */
@ApplicationScoped
@Startup // its metrics exist from the start (at 0), not from the first use
public class CallbackDelivery {

    public static final String STEP = "CALLBACK";

    private final Execution execution;
    private final ObjectMapper json;
    private final Clock clock;
    private final AccountClient accounts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PeerCallMetrics peers;
    private final Counter exhausted;

    public CallbackDelivery(Execution execution, ObjectMapper json, Clock clock, @RestClient AccountClient accounts,
                            MeterRegistry registry, PeerCallMetrics peers) {
        this.execution = execution;
        this.json = json;
        this.clock = clock;
        this.accounts = accounts;
        this.peers = peers;
        this.exhausted = Counter.builder("steward.callbacks.exhausted")
                .description("Callbacks to Clients given up after their retries (the Client must be reached otherwise)")
                .register(registry);
    }

    /** Stores the payload and schedules its delivery, in the caller's transaction. */
    public void enqueue(Request r) {
        Callback callback = new Callback();
        callback.requestId = r.id;
        callback.org = r.subjectOrg;
        callback.deliveryId = UUID.randomUUID();
        try {
            callback.payload = json.writeValueAsString(payload(r));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        callback.persist();
        execution.schedule(CallbackTask.NAME, r.id.toString());
    }

    /** OpenDSR-style request document (api_version, subject_request_id/type, identities, ...). */
    ObjectNode payload(Request r) {
        ObjectNode p = json.createObjectNode();
        p.put("api_version", "1.0");
        p.put("subject_request_id", r.id.toString());
        p.put("subject_request_type", switch (r.type) {
            case ACCESS -> "access";
            case RECTIFICATION -> "rectification";
            case ERASURE -> "erasure";
            case RESTRICTION -> "restriction";
            case COMPLAINT -> "complaint";
        });
        p.put("submitted_time", r.receivedAt.toString());
        p.put("regulation", r.jurisdiction.name().toLowerCase(Locale.ROOT));
        p.put("property_id", r.subject().org());
        ArrayNode ids = p.putArray("subject_identities");
        ids.addObject().put("identity_type", "controller_id").put("identity_value", r.subject().id())
                .put("identity_format", "raw").put("subject_kind", r.subject().kind().name());
        if (r.contact != null) {
            ids.addObject().put("identity_type", "email").put("identity_value", r.contact).put("identity_format", "raw");
        }
        ObjectNode ext = p.putObject("extensions").putObject("steward");
        ext.put("reason", "The provider processes this data on your behalf and is not its controller (policy §1): "
                + "please answer the data subject directly.");
        if (r.details.has("changes")) {
            ext.set("changes", r.details.get("changes"));
        }
        if (r.details.has("description")) {
            ext.set("description", r.details.get("description"));
        }
        return p;
    }

    @ActivateRequestContext
    public void deliver(String requestId, int attempt) {
        UUID id = UUID.fromString(requestId);
        Instant started = clock.instant();
        Callback callback = Callback.findById(id);
        if (callback == null || callback.deliveredAt != null) {
            return; // nothing to send, or acknowledged before: never sent twice once acknowledged
        }
        int status;
        String error = null;
        try {
            OrganisationView org = peers.time(PeerCallMetrics.ACCOUNT, () -> accounts.organisation(callback.org));
            if (org.callbackUrl() == null || org.callbackUrl().isBlank() || org.callbackSecret() == null) {
                throw new IllegalStateException("the Client has no callbackUrl/callbackSecret registered");
            }
            long t = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(org.callbackUrl()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Steward-Request-Id", requestId)
                    .header(CallbackVerifier.DELIVERY_HEADER, callback.deliveryId.toString())
                    .header(CallbackVerifier.HEADER, CallbackVerifier.header(org.callbackSecret(), t,
                            callback.deliveryId.toString(), callback.payload))
                    .POST(HttpRequest.BodyPublishers.ofString(callback.payload, StandardCharsets.UTF_8))
                    .build();
            status = sendTimed(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
            error = "interrupted";
        } catch (Exception e) {
            status = -1;
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        boolean ok = status >= 200 && status < 300;
        int httpStatus = status;
        String why = error != null ? error : "controller answered HTTP " + status;
        QuarkusTransaction.requiringNew().run(() -> {
            Callback sent = Callback.findById(id);
            sent.attempts++;
            sent.lastStatus = httpStatus < 0 ? null : httpStatus;
            sent.lastError = ok ? null : why;
            sent.deliveredAt = ok ? clock.instant() : sent.deliveredAt;
            StepLog.append(id, STEP, attempt, started, clock.instant(), ok ? "SUCCEEDED" : "FAILED",
                    ok ? "controller acknowledged (HTTP " + httpStatus + ")" : why);
        });
        if (!ok) {
            throw new IllegalStateException("callback not acknowledged: " + why);
        }
    }

    /** The POST to the Client, timed as steward.peer.calls{peer=client-callback}. */
    private int sendTimed(HttpRequest request) throws java.io.IOException, InterruptedException {
        long start = System.nanoTime();
        int status = -1;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status;
        } finally {
            peers.record(PeerCallMetrics.CLIENT_CALLBACK, PeerCallMetrics.outcome(status), System.nanoTime() - start);
        }
    }

    @ActivateRequestContext
    public void gaveUp(String requestId, Throwable cause) {
        exhausted.increment();
        QuarkusTransaction.requiringNew().run(() -> StepLog.append(UUID.fromString(requestId), STEP, 0, clock.instant(),
                clock.instant(), "FAILED", "gave up delivering the callback; contact the controller by other means"
                        + (cause == null ? "" : " (" + cause.getMessage() + ")")));
    }
}
