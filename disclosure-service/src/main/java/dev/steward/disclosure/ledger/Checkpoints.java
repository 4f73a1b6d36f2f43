package dev.steward.disclosure.ledger;

import dev.steward.disclosure.platform.Jcs;
import dev.steward.platform.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Signed checkpoints: periodically (when the ledger grew) and on demand. Before signing, the
 * entries since the last checkpoint are verified against that checkpoint's signed head, so a
 * checkpoint never vouches for a broken chain.
 */
@ApplicationScoped
public class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class);
    public static final String LOG_NAME = "steward-disclosure-ledger";
    private static final String COLUMNS = "id, size, head_hash, signed_at, key_id, statement, signature";

    private final AgroalDataSource db;
    private final LedgerVerifier verifier;
    private final CheckpointSigner signer;
    private final Clock clock;

    public Checkpoints(AgroalDataSource db, LedgerVerifier verifier, CheckpointSigner signer, Clock clock) {
        this.db = db;
        this.verifier = verifier;
        this.signer = signer;
        this.clock = clock;
    }

    @Scheduled(every = "${steward.ledger.checkpoint-every:1h}", delayed = "${steward.ledger.checkpoint-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodic() {
        try {
            LedgerVerifier.Head head = verifier.head();
            Optional<Checkpoint> last = latest();
            if (head.size() > 0 && (last.isEmpty() || last.get().size() < head.size())) {
                Checkpoint cp = create();
                LOG.infof("Ledger checkpoint signed: size %d, head %s", cp.size(), cp.headHash());
            }
        } catch (ProblemException e) {
            LOG.errorf("Ledger checkpoint refused: %s", e.problem().detail());
        } catch (SQLException | RuntimeException e) {
            LOG.error("Ledger checkpoint failed", e);
        }
    }

    public Checkpoint create() throws SQLException {
        Optional<Checkpoint> last = latest();
        LedgerVerifier.Head head = verifier.head();
        Verification v = last.isPresent() && last.get().size() <= head.size()
                ? verifier.verify(last.get().size() + 1, head.size(), last.get().size() == 0 ? null : last.get().headHash())
                : verifier.verify(null, head.size(), null);
        if (!v.valid()) {
            throw ProblemException.conflict("ledger-broken", "Ledger does not verify",
                    "No checkpoint signed: the chain breaks at sequence " + v.firstBroken() + " (" + v.problem() + ")");
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("log", LOG_NAME);
        statement.put("size", v.size());
        statement.put("headHash", v.headHash());
        statement.put("signedAt", at.toString());
        statement.put("keyId", signer.keyId());
        String text = Jcs.encode(statement);
        String signature;
        try {
            signature = Base64.getEncoder().encodeToString(signer.sign(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign the checkpoint", e);
        }
        Checkpoint cp = new Checkpoint(UUID.randomUUID(), v.size(), v.headHash(), at, signer.keyId(), text, signature);
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into ledger_checkpoint (" + COLUMNS
                     + ") values (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, cp.id());
            ps.setLong(2, cp.size());
            ps.setString(3, cp.headHash());
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setString(5, cp.keyId());
            ps.setString(6, cp.statement());
            ps.setString(7, cp.signature());
            ps.executeUpdate();
        }
        return cp;
    }

    public Optional<Checkpoint> latest() throws SQLException {
        List<Checkpoint> one = page(null, null, 1);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    public Optional<Checkpoint> find(UUID id) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from ledger_checkpoint where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /** Newest first, keyset after ({@code afterAt}, {@code afterId}). */
    public List<Checkpoint> page(Instant afterAt, UUID afterId, int limit) throws SQLException {
        String where = afterAt == null ? "" : " where (signed_at, id) < (?, ?)";
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from ledger_checkpoint" + where
                     + " order by signed_at desc, id desc limit ?")) {
            int i = 1;
            if (afterAt != null) {
                ps.setTimestamp(i++, Timestamp.from(afterAt));
                ps.setObject(i++, afterId);
            }
            ps.setInt(i, limit);
            List<Checkpoint> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        }
    }

    private static Checkpoint map(ResultSet rs) throws SQLException {
        return new Checkpoint(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7));
    }
}
