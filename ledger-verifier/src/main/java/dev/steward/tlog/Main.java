package dev.steward.tlog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The auditor's command line. Exit status 0: verified; 1: did not verify (the reason is printed);
 * 2: wrong usage or unreadable input.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar ledger-verifier.jar <command> [options]
              checkpoint  --key K CHECKPOINT                     verify a signed checkpoint
              proof       --key K BUNDLE                         verify a tlog-proof bundle (entry, index, path, checkpoint)
              consistency --key K --old CP --new CP --log URL    verify that CP new extends CP old
                          (or --proof FILE instead of --log: the JSON of /ledger/proof/consistency)
              root        --key K --export EXPORT CHECKPOINT     recompute the root from every entry and compare
              witness     --key K --state FILE --witness-key SEED --name NAME (--log URL | --proof FILE) CHECKPOINT
                                                                 accept a checkpoint only if consistent, print it cosigned
              witness-keygen --name NAME --out SEED              make a witness key; prints its verifier key
              monitor     --key K --state FILE --log URL [--export EXPORT] [CHECKPOINT]
                                                                 the scheduled check: the log's checkpoint (default
                                                                 URL/ledger/checkpoint) is signed and extends the one
                                                                 accepted last (kept in FILE); with --export also
                                                                 recompute its root from every entry. One line out.
            K: the log's verifier key (name+id+key), a file holding it, or its URL (/ledger/note-verifier-key).
            Inputs are files, '-' (standard input) or http(s) URLs; --token T (or LEDGER_TOKEN) for protected URLs.
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command, quietly: for callers that only need the verdict (tests, scripts in Java). */
    public static int run(PrintStream out, String... args) {
        return run(args, out, out);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        Map<String, String> opts = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                opts.put(args[i].substring(2), args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        Sources in = new Sources(opts.getOrDefault("token", System.getenv("LEDGER_TOKEN")));
        try {
            switch (args[0]) {
                case "checkpoint" -> {
                    Checkpoint cp = Checkpoint.verified(in.read(one(positional)), logKey(in, opts)).checkpoint();
                    out.println("OK checkpoint " + cp.origin() + " size " + cp.size() + " root " + hex(cp.rootHash()));
                }
                case "proof" -> {
                    TlogProof proof = TlogProof.parse(in.read(one(positional)));
                    LeafData leaf = proof.verify(logKey(in, opts));
                    out.println("OK entry " + proof.index() + " (seq " + leaf.seq() + ", " + leaf.type() + " " + leaf.ref()
                            + ", content " + leaf.content() + ") is in the checkpoint of size "
                            + Checkpoint.parse(SignedNote.parse(proof.checkpointNote()).text()).size());
                }
                case "consistency" -> {
                    NoteKey key = logKey(in, opts);
                    Checkpoint old = Checkpoint.verified(in.read(need(opts, "old")), key).checkpoint();
                    Checkpoint next = Checkpoint.verified(in.read(need(opts, "new")), key).checkpoint();
                    if (!Merkle.verifyConsistency(old.size(), next.size(), old.rootHash(), next.rootHash(),
                            proof(in, opts).consistency(old.size(), next.size()))) {
                        throw new VerificationException("size " + next.size() + " is not consistent with size " + old.size());
                    }
                    out.println("OK size " + next.size() + " extends size " + old.size() + " (append-only)");
                }
                case "root" -> {
                    Checkpoint cp = Checkpoint.verified(in.read(one(positional)), logKey(in, opts)).checkpoint();
                    checkRoot(in, need(opts, "export"), cp);
                    out.println("OK " + cp.size() + " exported entries give the checkpoint's root " + hex(cp.rootHash()));
                }
                case "witness" -> {
                    byte[] seed = Base64.getDecoder().decode(Files.readString(Path.of(need(opts, "witness-key"))).trim());
                    NoteKey wk = NoteKey.ofSeed(need(opts, "name"), NoteKey.COSIGNATURE_V1, seed);
                    Witness w = new Witness(logKey(in, opts), wk, seed, Path.of(need(opts, "state")));
                    out.print(w.witness(in.read(one(positional)), proof(in, opts), System.currentTimeMillis() / 1000));
                }
                case "monitor" -> {
                    // For a CronJob: one line, sizes and hashes only (the ledger holds no personal data).
                    String log = need(opts, "log").replaceAll("/$", "");
                    AcceptedCheckpoint accepted = new AcceptedCheckpoint(logKey(in, opts), Path.of(need(opts, "state")));
                    Long before = accepted.last().map(Checkpoint::size).orElse(null);
                    String source = positional.isEmpty() ? log + "/ledger/checkpoint" : one(positional);
                    Checkpoint cp = accepted.accept(in.read(source), proof(in, opts)).checkpoint();
                    if (opts.containsKey("export")) {
                        checkRoot(in, opts.get("export"), cp);
                    }
                    out.println("OK ledger " + cp.origin() + " size " + cp.size() + " root " + hex(cp.rootHash())
                            + (before == null ? ", first checkpoint kept" : ", extends size " + before)
                            + (opts.containsKey("export") ? ", every entry recomputed" : ""));
                }
                case "witness-keygen" -> {
                    byte[] seed = Ed25519.newSeed();
                    Files.writeString(Path.of(need(opts, "out")), Base64.getEncoder().encodeToString(seed) + "\n");
                    out.println(NoteKey.ofSeed(need(opts, "name"), NoteKey.COSIGNATURE_V1, seed).verifierKey());
                }
                default -> {
                    err.print(USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (VerificationException e) {
            err.println("FAILED " + e.getMessage());
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("ERROR " + e.getMessage());
            return 2;
        }
    }

    /** The root of the checkpoint's first {@code size} exported entries is the checkpoint's root. */
    private static void checkRoot(Sources in, String export, Checkpoint cp) throws IOException {
        CompactRange tree = recompute(in, export, cp.size());
        if (tree.size() < cp.size()) {
            throw new VerificationException("the export has " + tree.size() + " entries, the checkpoint " + cp.size());
        }
        if (!Merkle.equal(tree.root(), cp.rootHash())) {
            throw new VerificationException("the root of the exported entries is " + hex(tree.root())
                    + ", the checkpoint says " + hex(cp.rootHash()));
        }
    }

    /** Streams the export (one leaf per line, in order), checking each is canonical and in sequence. */
    static CompactRange recompute(Sources in, String export, long upTo) throws IOException {
        CompactRange tree = new CompactRange();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in.stream(export), StandardCharsets.UTF_8))) {
            String line;
            while (tree.size() < upTo && (line = r.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                LeafData leaf;
                try {
                    leaf = LeafData.parse(line);
                } catch (IllegalArgumentException e) {
                    throw new VerificationException("entry " + (tree.size() + 1) + ": " + e.getMessage());
                }
                if (leaf.seq() != tree.size() + 1) {
                    throw new VerificationException("expected entry " + (tree.size() + 1) + ", found " + leaf.seq());
                }
                tree.append(Merkle.leafHash(line.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return tree;
    }

    private static Witness.ProofSource proof(Sources in, Map<String, String> opts) {
        return (oldSize, newSize) -> {
            String src = opts.containsKey("proof") ? opts.get("proof")
                    : need(opts, "log").replaceAll("/$", "") + "/ledger/proof/consistency?old=" + oldSize + "&new=" + newSize;
            Map<String, Object> json = Json.object(in.read(src));
            if (!Long.valueOf(oldSize).equals(json.get("old")) || !Long.valueOf(newSize).equals(json.get("new"))) {
                throw new VerificationException("the consistency proof is for other sizes: " + json.get("old") + " → "
                        + json.get("new"));
            }
            List<byte[]> hashes = new ArrayList<>();
            for (Object h : (List<?>) json.get("proof")) {
                hashes.add(Base64.getDecoder().decode((String) h));
            }
            return hashes;
        };
    }

    private static NoteKey logKey(Sources in, Map<String, String> opts) throws IOException {
        return in.key(need(opts, "key"), NoteKey.ED25519);
    }

    private static String need(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required\n" + USAGE);
        }
        return v;
    }

    private static String one(List<String> positional) {
        if (positional.size() != 1) {
            throw new IllegalArgumentException("give exactly one input\n" + USAGE);
        }
        return positional.get(0);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
