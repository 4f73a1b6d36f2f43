package dev.steward.tlog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

/**
 * A witness (C2SP tlog-witness semantics, offline): it keeps the last checkpoint it accepted in a
 * state file, accepts a new one only if it is signed by the log and consistent with that one (same
 * root at the same size, or a valid consistency proof to a larger size), and then cosigns it
 * (tlog-cosignature v1). A smaller size (a rewound log) or another root (a fork) is refused, and
 * the state file is left as it was.
 */
public final class Witness {

    /** Fetches the consistency proof between two sizes (from the log, or a file). */
    @FunctionalInterface
    public interface ProofSource {
        List<byte[]> consistency(long oldSize, long newSize) throws IOException;
    }

    private final NoteKey logKey;
    private final NoteKey witnessKey;
    private final byte[] witnessSeed;
    private final Path state;

    public Witness(NoteKey logKey, NoteKey witnessKey, byte[] witnessSeed, Path state) {
        this.logKey = logKey;
        this.witnessKey = witnessKey;
        this.witnessSeed = witnessSeed.clone();
        this.state = state;
    }

    /** Checks {@code note} against the stored state; on success stores it and returns it cosigned. */
    public SignedNote witness(String note, ProofSource proofs, long now) throws IOException {
        Checkpoint.Signed fresh = Checkpoint.verified(note, logKey);
        Checkpoint next = fresh.checkpoint();
        if (Files.exists(state)) {
            Checkpoint last = Checkpoint.verified(Files.readString(state, StandardCharsets.UTF_8), logKey).checkpoint();
            if (next.size() < last.size()) {
                throw new VerificationException("refused: the log was rewound from size " + last.size() + " to "
                        + next.size());
            }
            if (next.size() == last.size()) {
                if (!Arrays.equals(next.rootHash(), last.rootHash())) {
                    throw new VerificationException("refused: a fork — another root for size " + next.size());
                }
            } else if (!Merkle.verifyConsistency(last.size(), next.size(), last.rootHash(), next.rootHash(),
                    proofs.consistency(last.size(), next.size()))) {
                throw new VerificationException("refused: size " + next.size() + " is not consistent with the size "
                        + last.size() + " this witness accepted (a fork or a rewritten history)");
            }
        }
        Path tmp = state.resolveSibling(state.getFileName() + ".tmp");
        Files.writeString(tmp, fresh.note().toString(), StandardCharsets.UTF_8);
        Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return fresh.note().with(Cosignature.sign(witnessKey, witnessSeed, fresh.note().text(), now));
    }
}
