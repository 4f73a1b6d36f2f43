package dev.steward.disclosure.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.steward.platform.idempotency.IdempotentPosts;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The ledger's own record of which Idempotency-Key created which entry (table
 * ledger_request_key, V7), committed with the entry by the group commit. It closes the window the
 * platform's {@link IdempotentPosts} leaves for a ledger write: that one stores the response in
 * the request's transaction, which commits after the ledger's, so a crash in between would let a
 * retry record the same disclosure twice. Used inside {@code IdempotentPosts.run}: first
 * {@link #earlier}, and only if there is none, append {@link #keyed} content.
 */
@ApplicationScoped
public class RequestKeys {

    /** A request's key: whose (scope), the header's value, and the SHA-256 of the canonical body. */
    public record Key(String scope, String key, byte[] requestHash) {
    }

    private static final ObjectMapper SORTED = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final AgroalDataSource db;
    private final ObjectMapper json;

    public RequestKeys(AgroalDataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The key of this request, or null without an Idempotency-Key header. */
    public Key key(String scope, String header, Object body) {
        if (header == null) {
            return null;
        }
        try {
            return new Key(scope, header, MessageDigest.getInstance("SHA-256")
                    .digest(SORTED.writeValueAsBytes(json.convertValue(body, Object.class))));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("the request could not be hashed", e);
        }
    }

    /**
     * The record an earlier call with this key put in the ledger (its response was lost), if any;
     * 422 when that call had another body.
     */
    public Optional<UUID> earlier(Key k) throws SQLException {
        if (k == null) {
            return Optional.empty();
        }
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select request_hash, ref_id from ledger_request_key"
                     + " where scope = ? and key = ?")) {
            ps.setString(1, k.scope());
            ps.setString(2, k.key());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (!Arrays.equals(rs.getBytes(1), k.requestHash())) {
                    throw ProblemException.unprocessable("idempotency-key-reused", "Idempotency-Key already used",
                            "This Idempotency-Key was used for a different request; use a new key",
                            new Problem.FieldError(IdempotentPosts.HEADER, "was used with another body"));
                }
                return Optional.of(rs.getObject(2, UUID.class));
            }
        }
    }

    /**
     * Runs {@code append} (which appends {@link #keyed} content) unless an earlier call with this
     * key already reached the ledger and its answer was lost: then {@code replay} answers with the
     * record that call created. Also when {@code append} meets that earlier call's key row.
     */
    public <T> T once(Key key, Function<Key, T> append, Function<UUID, T> replay) {
        try {
            Optional<UUID> earlier = earlier(key);
            if (earlier.isEmpty()) {
                try {
                    return append.apply(key);
                } catch (LedgerWriter.DuplicateEntry e) {
                    earlier = earlier(key);
                    if (earlier.isEmpty()) {
                        throw e;
                    }
                }
            }
            return replay.apply(earlier.get());
        } catch (SQLException e) {
            throw new IllegalStateException("reading the ledger's request keys failed", e);
        }
    }

    /** {@code content} that also records its key, in the same group commit (unchanged without a key). */
    public LedgerContent keyed(LedgerContent content, Key k) {
        return k == null ? content : new Keyed(content, k);
    }

    private record Keyed(LedgerContent content, Key k) implements LedgerContent {
        @Override
        public String type() {
            return content.type();
        }

        @Override
        public UUID ref() {
            return content.ref();
        }

        @Override
        public String digest() {
            return content.digest();
        }

        @Override
        public Instant recordedAt() {
            return content.recordedAt();
        }

        @Override
        public void write(WriteBatch batch, long seq) throws SQLException {
            content.write(batch, seq);
            PreparedStatement ps = batch.statement("insert into ledger_request_key (scope, key, request_hash,"
                    + " entry_type, ref_id) values (?, ?, ?, ?, ?)");
            ps.setString(1, k.scope());
            ps.setString(2, k.key());
            ps.setBytes(3, k.requestHash());
            ps.setString(4, content.type());
            ps.setObject(5, content.ref());
            ps.addBatch();
        }
    }
}
