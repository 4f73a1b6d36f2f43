package dev.steward.tlog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The last checkpoint a watcher of the log accepted, kept in a file: a new checkpoint is accepted
 * only if it is signed by the log and consistent with it (same root at the same size, or a valid
 * consistency proof to a larger size). A smaller size (a rewound log) or another root (a fork) is
 * refused and the file is left as it was. The witness and the scheduled monitor both keep one.
 */
public final class AcceptedCheckpoint {

    /** Fetches the consistency proof between two sizes (from the log, or a file). */
    @FunctionalInterface
    public interface ProofSource {
        List<byte[]> consistency(long oldSize, long newSize) throws IOException;
    }

    private final NoteKey logKey;
    private final Path state;

    public AcceptedCheckpoint(NoteKey logKey, Path state) {
        this.logKey = logKey;
        this.state = state;
    }

    /**
     * The checkpoint accepted last, if any. Verified again with the log's key: a state signed by
     * another key (the log's key was replaced) is refused rather than silently trusted.
     */
    public Optional<Checkpoint> last() throws IOException {
        if (!Files.exists(state)) {
            return Optional.empty();
        }
        return Optional.of(Checkpoint.verified(Files.readString(state, StandardCharsets.UTF_8), logKey).checkpoint());
    }

    /** Checks {@code note} against the one accepted last; on success stores it in its place. */
    public Checkpoint.Signed accept(String note, ProofSource proofs) throws IOException {
        Checkpoint.Signed fresh = Checkpoint.verified(note, logKey);
        Checkpoint next = fresh.checkpoint();
        Optional<Checkpoint> previous = last();
        if (previous.isPresent()) {
            Checkpoint last = previous.get();
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
                        + last.size() + " accepted before (a fork or a rewritten history)");
            }
        }
        Path tmp = state.resolveSibling(state.getFileName() + ".tmp");
        Files.writeString(tmp, fresh.note().toString(), StandardCharsets.UTF_8);
        Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return fresh;
    }
}
