package dev.steward.tlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command the daily CronJob runs: exit 0 and one OK line while the log only grows; exit 1 and
 * one FAILED line (sizes and hashes, nothing else) when it was rewound, forked, re-keyed or its
 * entries do not give the signed root — and the accepted checkpoint stays as it was.
 */
class MonitorCommandTest {

    @TempDir
    Path dir;
    private final List<LeafData> entries = new ArrayList<>();
    private final List<byte[]> leaves = new ArrayList<>();
    private Path state;

    @BeforeEach
    void ledgerOf40Entries() {
        for (int i = 1; i <= 40; i++) {
            LeafData d = new LeafData(i, i % 7 == 0 ? "HOLD_PLACED" : "DISCLOSURE",
                    String.format("00000000-0000-0000-0000-%012d", i), "cd".repeat(32), "2026-12-02T10:00:00Z");
            entries.add(d);
            leaves.add(d.leafHash());
        }
        state = dir.resolve("accepted-checkpoint");
    }

    private String file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p.toString();
    }

    private String checkpointOf(List<byte[]> tree, int size) throws IOException {
        return file("cp-" + size + "-" + System.nanoTime(), NotesTest.checkpoint(tree, size));
    }

    private String proofFile(List<byte[]> tree, int oldSize, int newSize) throws IOException {
        String hashes = Merkle.consistencyProof(Merkle.inMemory(tree), oldSize, newSize).stream()
                .map(h -> "\"" + Base64.getEncoder().encodeToString(h) + "\"").collect(Collectors.joining(","));
        return file("proof-" + oldSize + "-" + newSize, "{\"old\":" + oldSize + ",\"new\":" + newSize + ",\"proof\":[" + hashes + "]}");
    }

    private String export(List<LeafData> data) throws IOException {
        return file("export", data.stream().map(LeafData::json).collect(Collectors.joining("\n")) + "\n");
    }

    private record Outcome(int exit, String output) {
    }

    private Outcome monitor(String checkpoint, String... more) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("monitor", "--key", NotesTest.LOG.verifierKey(),
                "--state", state.toString(), "--log", "http://127.0.0.1:9/unused"));
        args.addAll(List.of(more));
        args.add(checkpoint);
        int exit = Main.run(new PrintStream(buffer, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
        return new Outcome(exit, buffer.toString(StandardCharsets.UTF_8));
    }

    private static void oneLine(Outcome o, String prefix) {
        assertTrue(o.output().startsWith(prefix), o.output());
        assertEquals(1, o.output().lines().count(), "one line: " + o.output());
    }

    @Test
    void acceptsTheFirstCheckpointThenGrowthWithItsEntries() throws IOException {
        Outcome first = monitor(checkpointOf(leaves, 10));
        assertEquals(0, first.exit(), first.output());
        oneLine(first, "OK ledger " + NotesTest.ORIGIN + " size 10 root ");
        assertTrue(first.output().contains("first checkpoint kept"), first.output());

        Outcome grown = monitor(checkpointOf(leaves, 30), "--proof", proofFile(leaves, 10, 30),
                "--export", export(entries));
        assertEquals(0, grown.exit(), grown.output());
        oneLine(grown, "OK ledger");
        assertTrue(grown.output().contains("size 30") && grown.output().contains("extends size 10")
                && grown.output().contains("every entry recomputed"), grown.output());
        assertTrue(Files.readString(state).contains("\n30\n"), "the accepted checkpoint is now size 30");
    }

    @Test
    void aRewoundLogFailsWithOneLineAndKeepsTheAcceptedCheckpoint() throws IOException {
        assertEquals(0, monitor(checkpointOf(leaves, 30)).exit());
        Outcome rewound = monitor(checkpointOf(leaves, 20));
        assertEquals(1, rewound.exit(), rewound.output());
        oneLine(rewound, "FAILED refused: the log was rewound from size 30 to 20");
        assertTrue(Files.readString(state).contains("\n30\n"), "a refused checkpoint leaves the state as it was");
    }

    @Test
    void aForkedHistoryFails() throws IOException {
        assertEquals(0, monitor(checkpointOf(leaves, 10)).exit());
        List<byte[]> forked = new ArrayList<>(leaves);
        forked.set(3, leaves.get(4));
        Outcome fork = monitor(checkpointOf(forked, 30), "--proof", proofFile(forked, 10, 30));
        assertEquals(1, fork.exit(), fork.output());
        oneLine(fork, "FAILED refused: size 30 is not consistent with the size 10");
    }

    @Test
    void anEntryThatNoLongerGivesTheSignedRootFails() throws IOException {
        List<LeafData> edited = new ArrayList<>(entries);
        LeafData e = edited.get(4);
        edited.set(4, new LeafData(e.seq(), e.type(), e.ref(), "ef".repeat(32), e.recordedAt()));
        Outcome o = monitor(checkpointOf(leaves, 30), "--export", export(edited));
        assertEquals(1, o.exit(), o.output());
        oneLine(o, "FAILED the root of the exported entries is ");
    }

    @Test
    void aCheckpointSignedByAnotherKeyFails() throws IOException {
        assertEquals(0, monitor(checkpointOf(leaves, 10)).exit());
        byte[] otherSeed = Ed25519.newSeed();
        NoteKey other = NoteKey.ofSeed(NotesTest.ORIGIN, NoteKey.ED25519, otherSeed);
        Checkpoint cp = Checkpoint.of(NotesTest.ORIGIN, 30, Merkle.root(Merkle.inMemory(leaves), 30));
        Outcome o = monitor(file("other-key", SignedNote.sign(cp.text(), other, otherSeed).toString()));
        assertEquals(1, o.exit(), o.output());
        assertTrue(o.output().startsWith("FAILED"), o.output());
    }
}
