package dev.steward.request.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.request.execution.Execution;
import dev.steward.request.execution.StepStore;
import dev.steward.request.peer.AccountClient;
import dev.steward.request.peer.OrganisationView;
import dev.steward.request.store.Db;
import dev.steward.request.store.RequestRecord;
import dev.steward.request.store.RequestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * back-off (a durable db-scheduler task) until the Client answers 2xx.
 */
@ApplicationScoped
public class CallbackDelivery {

    public static final String STEP = "CALLBACK";

    @Inject
    Db db;
    @Inject
    RequestRepository repo;
    @Inject
    StepStore steps;
    @Inject
    Execution execution;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    @RestClient
    AccountClient accounts;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Stores the payload and schedules its delivery, in the caller's transaction. */
    public void enqueue(Connection c, RequestRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into dsr_callback (request_id, org, payload) values (?, ?, ?) "
                + "on conflict (request_id) do nothing")) {
            ps.setObject(1, r.id());
            ps.setString(2, r.subject().org());
            ps.setString(3, repo.write(payload(r)));
            ps.executeUpdate();
        }
        execution.scheduleCallback(r.id());
    }

    /** OpenDSR-style request document (api_version, subject_request_id/type, identities, ...). */
    ObjectNode payload(RequestRecord r) {
        ObjectNode p = json.createObjectNode();
        p.put("api_version", "1.0");
        p.put("subject_request_id", r.id().toString());
        p.put("subject_request_type", switch (r.type()) {
            case ACCESS -> "access";
            case RECTIFICATION -> "rectification";
            case ERASURE -> "erasure";
            case RESTRICTION -> "restriction";
            case COMPLAINT -> "complaint";
        });
        p.put("submitted_time", r.receivedAt().toString());
        p.put("regulation", r.jurisdiction().name().toLowerCase(Locale.ROOT));
        p.put("property_id", r.subject().org());
        ArrayNode ids = p.putArray("subject_identities");
        ids.addObject().put("identity_type", "controller_id").put("identity_value", r.subject().id())
                .put("identity_format", "raw").put("subject_kind", r.subject().kind().name());
        if (r.contact() != null) {
            ids.addObject().put("identity_type", "email").put("identity_value", r.contact()).put("identity_format", "raw");
        }
        ObjectNode ext = p.putObject("extensions").putObject("steward");
        ext.put("reason", "The provider processes this data on your behalf and is not its controller (policy §1): "
                + "please answer the data subject directly.");
        if (r.details().has("changes")) {
            ext.set("changes", r.details().get("changes"));
        }
        if (r.details().has("description")) {
            ext.set("description", r.details().get("description"));
        }
        return p;
    }

    public void deliver(String requestId, int attempt) {
        UUID id = UUID.fromString(requestId);
        Instant started = clock.instant();
        String[] row = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select org, payload, delivered_at from dsr_callback where request_id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    return new String[] {rs.getString(1), rs.getString(2), rs.getTimestamp(3) == null ? null : "done"};
                }
            }
        });
        if (row == null || row[2] != null) {
            return; // nothing to send, or acknowledged before: never sent twice once acknowledged
        }
        int status;
        String error = null;
        try {
            OrganisationView org = accounts.organisation(row[0]);
            if (org.callbackUrl() == null || org.callbackUrl().isBlank() || org.callbackSecret() == null) {
                throw new IllegalStateException("the Client has no callbackUrl/callbackSecret registered");
            }
            long t = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(org.callbackUrl()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Steward-Request-Id", requestId)
                    .header(CallbackVerifier.HEADER, CallbackVerifier.header(org.callbackSecret(), t, row[1]))
                    .POST(HttpRequest.BodyPublishers.ofString(row[1], StandardCharsets.UTF_8))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
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
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("update dsr_callback set attempts = attempts + 1, last_status = ?, "
                    + "last_error = ?, delivered_at = case when ? then cast(? as timestamptz) else delivered_at end where request_id = ?")) {
                ps.setObject(1, httpStatus < 0 ? null : httpStatus);
                ps.setString(2, ok ? null : why);
                ps.setBoolean(3, ok);
                ps.setTimestamp(4, RequestRepository.ts(clock.instant()));
                ps.setObject(5, id);
                ps.executeUpdate();
            }
            steps.log(c, id, STEP, attempt, started, clock.instant(), ok ? "SUCCEEDED" : "FAILED",
                    ok ? "controller acknowledged (HTTP " + httpStatus + ")" : why);
            return null;
        });
        if (!ok) {
            throw new IllegalStateException("callback not acknowledged: " + why);
        }
    }

    public void gaveUp(String requestId, Throwable cause) {
        UUID id = UUID.fromString(requestId);
        db.tx(c -> {
            steps.log(c, id, STEP, 0, clock.instant(), clock.instant(), "FAILED",
                    "gave up delivering the callback; contact the controller by other means"
                            + (cause == null ? "" : " (" + cause.getMessage() + ")"));
            return null;
        });
    }
}
