package dev.steward.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for every POST that creates something, with request-service's semantics: the
 * first call runs and its response is kept in the same transaction as what it created; a retry with
 * the same key and body gets that response again ({@code Idempotent-Replayed: true}); the same key on
 * another body is 422. A call that fails stores nothing, so its retry runs again.
 *
 * <p>Plain JDBC on the service's own {@code idempotency_key} table (joining the JTA transaction) rather
 * than an entity: {@code insert … on conflict do nothing} waits for a concurrent first call with the same
 * key to commit, which is what makes two simultaneous retries create once, and it keeps the table out of
 * every service's persistence unit.
 */
@ApplicationScoped
public class IdempotentPosts {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    /** The table each service creates in one of its own migrations (see platform's README). */
    public static final String DDL = "create table idempotency_key (scope text not null, key text not null, "
            + "request_hash bytea not null, status int, body text, created_at timestamptz not null default now(), "
            + "primary key (scope, key))";

    /** Writes plain maps with their keys sorted: a retry that orders its fields differently is the same request. */
    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final AgroalDataSource db;
    private final ObjectMapper json;
    private final Instance<RoutingContext> request;

    public IdempotentPosts(AgroalDataSource db, ObjectMapper json, Instance<RoutingContext> request) {
        this.db = db;
        this.json = json;
        this.request = request;
    }

    /**
     * Runs {@code create} once per ({@code scope}, {@code key}); {@code scope} says whose key it is (a
     * caller id, an org), {@code body} is the request as received (hashed as canonical JSON with the
     * request's method and path). Without a key it simply runs {@code create}.
     */
    @Transactional(rollbackOn = Exception.class)
    public Response run(String scope, String key, Object body, Supplier<Response> create) throws SQLException {
        if (key == null) {
            return create.get();
        }
        check(key);
        byte[] hash = hash(body);
        try (Connection c = db.getConnection()) {
            if (claim(c, scope, key, hash)) {
                Response first = create.get();
                remember(c, scope, key, first);
                return first;
            }
            return replay(c, scope, key, hash);
        }
    }

    /** Forgets keys after a day: long past any client's retry, and the table stays small. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional(rollbackOn = Exception.class)
    void expire() throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement exists = c.prepareStatement("select to_regclass('idempotency_key') is not null");
             ResultSet rs = exists.executeQuery()) {
            if (rs.next() && rs.getBoolean(1)) { // a service that keeps its own keys (request-service) has no such table
                try (PreparedStatement ps = c.prepareStatement("delete from idempotency_key where created_at < now() - interval '1 day'")) {
                    ps.executeUpdate();
                }
            }
        }
    }

    private static void check(String key) {
        boolean printable = !key.isEmpty() && key.length() <= 200 && key.chars().allMatch(ch -> ch >= 0x21 && ch <= 0x7e);
        if (!printable) {
            throw ProblemException.badRequest("The Idempotency-Key header must be 1 to 200 printable ASCII characters",
                    new Problem.FieldError(HEADER, "must be 1 to 200 printable ASCII characters"));
        }
    }

    private static boolean claim(Connection c, String scope, String key, byte[] hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into idempotency_key (scope, key, request_hash) "
                + "values (?, ?, ?) on conflict do nothing")) {
            ps.setString(1, scope);
            ps.setString(2, key);
            ps.setBytes(3, hash);
            return ps.executeUpdate() == 1;
        }
    }

    private void remember(Connection c, String scope, String key, Response first) throws SQLException {
        ObjectNode stored = json.createObjectNode();
        if (first.getLocation() != null) {
            stored.put("location", first.getLocation().toString());
        }
        stored.set("entity", json.valueToTree(first.getEntity()));
        try (PreparedStatement ps = c.prepareStatement("update idempotency_key set status = ?, body = ? where scope = ? and key = ?")) {
            ps.setInt(1, first.getStatus());
            ps.setString(2, stored.toString());
            ps.setString(3, scope);
            ps.setString(4, key);
            ps.executeUpdate();
        }
    }

    private Response replay(Connection c, String scope, String key, byte[] hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select request_hash, status, body from idempotency_key where scope = ? and key = ?")) {
            ps.setString(1, scope);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !Arrays.equals(rs.getBytes(1), hash)) {
                    throw ProblemException.unprocessable("idempotency-key-reused", "Idempotency-Key already used",
                            "This Idempotency-Key was used for a different request; use a new key",
                            new Problem.FieldError(HEADER, "was used with another body"));
                }
                JsonNode stored = json.readTree(rs.getString(3));
                Response.ResponseBuilder out = Response.status(rs.getInt(2)).header(REPLAYED, "true");
                if (stored.hasNonNull("location")) {
                    out.location(URI.create(stored.get("location").asText()));
                }
                JsonNode entity = stored.get("entity");
                return (entity == null || entity.isNull() ? out : out.entity(entity).type(MediaType.APPLICATION_JSON)).build();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored idempotent response is not JSON", e);
            }
        }
    }

    private byte[] hash(Object body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(methodAndPath().getBytes(StandardCharsets.UTF_8));
            sha.update(CANONICAL.writeValueAsBytes(json.convertValue(body, Object.class)));
            return sha.digest();
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("the request could not be hashed", e);
        }
    }

    private String methodAndPath() {
        try {
            RoutingContext rc = request.get();
            return rc.request().method().name() + " " + rc.normalizedPath() + "\n";
        } catch (ContextNotActiveException e) {
            return "";
        }
    }
}
