package dev.steward.tlog;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A witness (C2SP tlog-witness semantics, offline): it accepts a checkpoint only if it is consistent
 * with the last one it accepted ({@link AcceptedCheckpoint}), and then cosigns it
 * (tlog-cosignature v1). A rewound or forked log is refused and the state file is left as it was.
 */
public final class Witness {

    /** Fetches the consistency proof between two sizes (from the log, or a file). */
    @FunctionalInterface
    public interface ProofSource extends AcceptedCheckpoint.ProofSource {
    }

    private final AcceptedCheckpoint accepted;
    private final NoteKey witnessKey;
    private final byte[] witnessSeed;

    public Witness(NoteKey logKey, NoteKey witnessKey, byte[] witnessSeed, Path state) {
        this.accepted = new AcceptedCheckpoint(logKey, state);
        this.witnessKey = witnessKey;
        this.witnessSeed = witnessSeed.clone();
    }

    /** Checks {@code note} against the stored state; on success stores it and returns it cosigned. */
    public SignedNote witness(String note, ProofSource proofs, long now) throws IOException {
        Checkpoint.Signed fresh = accepted.accept(note, proofs);
        return fresh.note().with(Cosignature.sign(witnessKey, witnessSeed, fresh.note().text(), now));
    }
}
