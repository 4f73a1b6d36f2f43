package dev.steward.tlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotesTest {

    static final String ORIGIN = "steward.test/disclosure-ledger";
    static final byte[] LOG_SEED = new byte[32];
    static final NoteKey LOG = NoteKey.ofSeed(ORIGIN, NoteKey.ED25519, LOG_SEED);

    static String checkpoint(List<byte[]> leaves, int size) {
        Checkpoint cp = Checkpoint.of(ORIGIN, size, Merkle.root(Merkle.inMemory(leaves), size));
        return SignedNote.sign(cp.text(), LOG, LOG_SEED).toString();
    }

    @Test
    void theGoSumdbExampleKeyParsesWithItsKeyId() {
        // the verifier key of the signed-note format's own example (golang.org/x/mod/sumdb/note)
        NoteKey k = NoteKey.parse("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        assertEquals("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", k.verifierKey());
        SignedNote n = SignedNote.parse("If you think cryptography is the answer to your problem,\n"
                + "then you don't know what your problem is.\n\n"
                + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n");
        assertTrue(n.verifiedBy(k), "the published example note verifies");
        assertThrows(IllegalArgumentException.class,
                () -> NoteKey.parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
        for (int i = 0; i < 64; i++) { // base64 keys often hold a '+' of their own
            NoteKey random = NoteKey.ofSeed("w.test/" + i, NoteKey.COSIGNATURE_V1, Ed25519.newSeed());
            assertEquals(random.verifierKey(), NoteKey.parse(random.verifierKey()).verifierKey());
        }
    }

    @Test
    void aSignedCheckpointVerifiesAndAnyChangeDoesNot() {
        List<byte[]> leaves = MerkleTest.leaves(10);
        String note = checkpoint(leaves, 10);
        Checkpoint cp = Checkpoint.verified(note, LOG).checkpoint();
        assertEquals(10, cp.size());
        assertThrows(VerificationException.class, () -> Checkpoint.verified(note.replace("\n10\n", "\n11\n"), LOG));
        NoteKey other = NoteKey.ofSeed(ORIGIN, NoteKey.ED25519, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
                15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        assertThrows(VerificationException.class, () -> Checkpoint.verified(note, other));
        assertTrue(SignedNote.parse(note).verifiedBy(NoteKey.parse(LOG.verifierKey())));
    }

    @Test
    void aProofBundleVerifiesAndATamperedOneIsRefused() {
        List<byte[]> leaves = new ArrayList<>();
        List<LeafData> data = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            LeafData d = new LeafData(i, "DISCLOSURE", "00000000-0000-0000-0000-0000000000" + (10 + i), "ab".repeat(32),
                    "2026-12-02T10:00:00Z");
            data.add(d);
            leaves.add(d.leafHash());
        }
        String note = checkpoint(leaves, 21);
        TlogProof proof = new TlogProof(data.get(6).bytes(), 6, Merkle.inclusionProof(Merkle.inMemory(leaves), 6, 21), note);
        TlogProof again = TlogProof.parse(proof.text());
        assertEquals(7, again.verify(LOG).seq());

        String changedEntry = proof.text().replace(
                java.util.Base64.getEncoder().encodeToString(data.get(6).bytes()),
                java.util.Base64.getEncoder().encodeToString(data.get(6).json().replace("DISCLOSURE", "CORRECTION")
                        .getBytes(StandardCharsets.UTF_8)));
        assertThrows(VerificationException.class, () -> TlogProof.parse(changedEntry).verify(LOG));
        TlogProof otherIndex = new TlogProof(data.get(6).bytes(), 7, proof.path(), note);
        assertThrows(VerificationException.class, () -> otherIndex.verify(LOG));
        List<byte[]> bent = new ArrayList<>(proof.path());
        bent.set(0, leaves.get(0));
        assertThrows(VerificationException.class, () -> new TlogProof(data.get(6).bytes(), 6, bent, note).verify(LOG));
    }

    @Test
    void theWitnessCosignsGrowthAndRefusesARewoundOrForkedLog(@TempDir Path dir) throws Exception {
        byte[] seed = Ed25519.newSeed();
        NoteKey wk = NoteKey.ofSeed("witness.test/w1", NoteKey.COSIGNATURE_V1, seed);
        Path state = dir.resolve("state");
        Witness w = new Witness(LOG, wk, seed, state);
        List<byte[]> leaves = MerkleTest.leaves(40);
        Witness.ProofSource proofs = (m, n) -> Merkle.consistencyProof(Merkle.inMemory(leaves), m, n);

        SignedNote first = w.witness(checkpoint(leaves, 10), proofs, 1_700_000_000L);
        assertTrue(Cosignature.verify(first, wk));
        assertTrue(first.verifiedBy(LOG), "the log's own signature stays on the cosigned note");
        SignedNote second = w.witness(checkpoint(leaves, 30), proofs, 1_700_000_100L);
        assertTrue(Cosignature.verify(second, wk));
        assertTrue(Files.readString(state).contains("\n30\n"));

        VerificationException rewound = assertThrows(VerificationException.class,
                () -> w.witness(checkpoint(leaves, 20), proofs, 1_700_000_200L));
        assertTrue(rewound.getMessage().contains("rewound"), rewound.getMessage());
        List<byte[]> forked = new ArrayList<>(leaves);
        forked.set(3, leaves.get(4));
        assertThrows(VerificationException.class, () -> w.witness(checkpoint(forked, 30), proofs, 1_700_000_300L));
        VerificationException fork = assertThrows(VerificationException.class, () -> w.witness(checkpoint(forked, 35),
                (m, n) -> Merkle.consistencyProof(Merkle.inMemory(forked), m, n), 1_700_000_400L));
        assertTrue(fork.getMessage().contains("not consistent"), fork.getMessage());
        assertTrue(Files.readString(state).contains("\n30\n"), "a refused checkpoint leaves the state as it was");

        SignedNote tampered = SignedNote.parse(second.toString().replace("\n30\n", "\n31\n"));
        assertFalse(Cosignature.verify(tampered, wk));
    }
}
