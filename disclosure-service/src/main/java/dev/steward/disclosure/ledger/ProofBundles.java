package dev.steward.disclosure.ledger;

import dev.steward.tlog.LeafData;
import dev.steward.tlog.TlogProof;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Base64;

/**
 * Self-contained C2SP tlog-proof bundles: the entry's leaf data (in the {@code extra} line), its
 * index, the inclusion path and a signed checkpoint note that covers it — everything a regulator or
 * a Client needs to check it offline with the published note key. When no signed checkpoint covers
 * the entry yet, one is signed (after the usual verification of the entries since the last).
 */
@ApplicationScoped
public class ProofBundles {

    private final Proofs proofs;
    private final Checkpoints checkpoints;

    public ProofBundles(Proofs proofs, Checkpoints checkpoints) {
        this.proofs = proofs;
        this.checkpoints = checkpoints;
    }

    public String bundle(long index) throws SQLException {
        LeafData leaf = proofs.leaf(index);
        Checkpoint cp = Checkpoint.latestNote().filter(c -> c.size > index).orElse(null);
        if (cp == null) {
            cp = checkpoints.create();
        }
        Proofs.Inclusion inclusion = proofs.inclusion(index, cp.size);
        return new TlogProof(leaf.bytes(), index,
                inclusion.path().stream().map(h -> Base64.getDecoder().decode(h)).toList(), cp.note).text();
    }
}
