package dev.steward.disclosure.ledger;

import dev.steward.disclosure.platform.Jcs;
import dev.steward.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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

    private final LedgerVerifier verifier;
    private final CheckpointSigner signer;
    private final Clock clock;
    private final Proofs proofs;

    public Checkpoints(LedgerVerifier verifier, CheckpointSigner signer, Clock clock, Proofs proofs) {
        this.verifier = verifier;
        this.proofs = proofs;
        this.signer = signer;
        this.clock = clock;
    }

    @Scheduled(every = "${steward.ledger.checkpoint-every}", delayed = "${steward.ledger.checkpoint-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void periodic() {
        try {
            LedgerVerifier.Head head = verifier.head();
            Optional<Checkpoint> last = Checkpoint.latest();
            if (head.size() > 0 && (last.isEmpty() || last.get().size < head.size())) {
                Checkpoint cp = create();
                LOG.infof("Ledger checkpoint signed: size %d, head %s", cp.size, cp.headHash);
            }
        } catch (ProblemException e) {
            LOG.errorf("Ledger checkpoint refused: %s", e.problem().detail());
        } catch (SQLException | RuntimeException e) {
            LOG.error("Ledger checkpoint failed", e);
        }
    }

    /** Verifies (in the verifier's own, long transaction), then stores the checkpoint in a short one. */
    public Checkpoint create() throws SQLException {
        Optional<Checkpoint> last = Checkpoint.latest();
        LedgerVerifier.Head head = verifier.head();
        Verification v = last.isPresent() && last.get().size <= head.size()
                ? verifier.verify(last.get().size + 1, head.size(), last.get().size == 0 ? null : last.get().headHash,
                        last.get().size == 0 ? null : last.get().rootHash)
                : verifier.verify(null, head.size(), null);
        if (!v.valid()) {
            throw ProblemException.conflict("ledger-broken", "Ledger does not verify",
                    "No checkpoint signed: the chain breaks at sequence " + v.firstBroken() + " (" + v.problem() + ")");
        }
        Checkpoint cp = new Checkpoint();
        cp.id = UUID.randomUUID();
        cp.size = v.size();
        cp.headHash = v.headHash();
        cp.signedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        cp.keyId = signer.keyId();
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("log", LOG_NAME);
        statement.put("size", cp.size);
        statement.put("headHash", cp.headHash);
        statement.put("signedAt", cp.signedAt.toString());
        statement.put("keyId", cp.keyId);
        cp.statement = Jcs.encode(statement);
        byte[] root = proofs.root(cp.size);
        cp.rootHash = HexFormat.of().formatHex(root);
        try {
            cp.signature = Base64.getEncoder().encodeToString(signer.sign(cp.statement.getBytes(StandardCharsets.UTF_8)));
            cp.note = signer.signNote(dev.steward.tlog.Checkpoint.of(signer.noteKey().name(), cp.size, root).text())
                    .toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign the checkpoint", e);
        }
        QuarkusTransaction.requiringNew().run(cp::persist);
        return cp;
    }

    /** When the newest checkpoint was signed, if any was. */
    public Optional<java.time.Instant> latestSignedAt() {
        return Checkpoint.latest().map(cp -> cp.signedAt);
    }
}
