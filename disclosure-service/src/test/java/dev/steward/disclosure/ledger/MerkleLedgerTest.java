package dev.steward.disclosure.ledger;

import static dev.steward.disclosure.record.Disclosures.post;
import static dev.steward.disclosure.record.Disclosures.subject;
import static dev.steward.disclosure.record.Disclosures.subpoena;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.disclosure.record.DisclosureRecord;
import dev.steward.disclosure.record.DisclosureRepository;
import dev.steward.disclosure.record.LegalBasis;
import dev.steward.disclosure.record.NewDisclosure;
import dev.steward.disclosure.record.Outcome;
import dev.steward.disclosure.record.RecipientType;
import dev.steward.platform.subject.SubjectRef;
import dev.steward.platform.testing.Tokens;
import dev.steward.tlog.Checkpoint;
import dev.steward.tlog.CompactRange;
import dev.steward.tlog.Ed25519;
import dev.steward.tlog.LeafData;
import dev.steward.tlog.Main;
import dev.steward.tlog.Merkle;
import dev.steward.tlog.NoteKey;
import dev.steward.tlog.SignedNote;
import dev.steward.tlog.TlogProof;
import dev.steward.tlog.VerificationException;
import dev.steward.tlog.Witness;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 16: the ledger as an RFC 9162 tree, its signed notes, proofs and bundles, and tampering. */
@QuarkusTest
class MerkleLedgerTest {

    @Inject
    LedgerWriter writer;

    @Inject
    DisclosureRepository repository;

    @Inject
    AgroalDataSource db;

    private static NoteKey logKey() {
        String vkey = given().when().get("/ledger/note-verifier-key").then().statusCode(200).extract().asString();
        return NoteKey.parse(vkey.trim());
    }

    private static JsonPath verify() {
        return given().auth().oauth2(Tokens.auditor("audrey")).when().get("/ledger/verify")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String newCheckpoint() {
        return given().auth().oauth2(Tokens.legal("lena")).when().post("/ledger/checkpoints")
                .then().statusCode(201).extract().path("note");
    }

    private static String export() {
        return given().auth().oauth2(Tokens.auditor("audrey")).when().get("/ledger/export")
                .then().statusCode(200).extract().asString();
    }

    private void appendUntil(long size) throws Exception {
        List<CompletableFuture<Receipt>> pending = new ArrayList<>();
        for (long n = currentSize(); n < size; n++) {
            pending.add(writer.append(repository.content(record(n))));
        }
        for (CompletableFuture<Receipt> f : pending) {
            f.get(60, TimeUnit.SECONDS);
        }
    }

    private long currentSize() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("select seq from chain_head")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static DisclosureRecord record(long i) {
        return new DisclosureRecord(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MICROS), "lena",
                new NewDisclosure.Recipient(RecipientType.REGULATOR, "Authority " + i, null), LegalBasis.LEGAL_OBLIGATION,
                "REF-" + i, LocalDate.now(), LocalDate.now(), List.of(new SubjectRef("tree", SubjectRef.Kind.END_USER, "u" + i)),
                List.of("user.contact.email"), "Statutory report", Outcome.NON_CONTENT_DISCLOSED, "priya", List.of(),
                null, null, null);
    }

    /** Leaf hashes recomputed from the export, independently of the stored tree. */
    private static List<byte[]> exportedLeaves() {
        List<byte[]> leaves = new ArrayList<>();
        for (String line : export().split("\n")) {
            LeafData leaf = LeafData.parse(line);
            assertEquals(leaves.size() + 1, leaf.seq());
            leaves.add(Merkle.leafHash(line.getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    @Test
    void everyProofOfSizesOneToThreeHundredFromTheStoredTreeVerifies() throws Exception {
        appendUntil(300);
        List<byte[]> leaves = exportedLeaves();
        assertTrue(leaves.size() >= 300);
        byte[][] roots = new byte[301][];
        CompactRange independent = new CompactRange();
        for (int n = 1; n <= 300; n++) {
            independent.append(leaves.get(n - 1));
            roots[n] = independent.root();
        }
        long proofs = 0;
        try (Connection c = db.getConnection()) {
            Merkle.Subtrees stored = TreeStore.reader(c); // one memo for all: every subtree read once
            for (int n = 1; n <= 300; n++) {
                assertArrayEquals(roots[n], Merkle.root(stored, n), "root of " + n);
                for (int i = 0; i < n; i++) {
                    assertTrue(Merkle.verifyInclusion(i, n, leaves.get(i), Merkle.inclusionProof(stored, i, n), roots[n]),
                            i + " in " + n);
                    proofs++;
                }
                for (int m = 1; m <= n; m++) {
                    assertTrue(Merkle.verifyConsistency(m, n, roots[m], roots[n], Merkle.consistencyProof(stored, m, n)),
                            m + " → " + n);
                    proofs++;
                }
            }
        }
        assertEquals(300L * 301, proofs);

        // and over HTTP, as an auditor would ask
        JsonPath inc = given().auth().oauth2(Tokens.auditor("audrey")).queryParam("index", 200).queryParam("size", 300)
                .when().get("/ledger/proof/inclusion").then().statusCode(200).extract().jsonPath();
        List<byte[]> path = inc.getList("path", String.class).stream().map(h -> Base64.getDecoder().decode(h)).toList();
        assertTrue(Merkle.verifyInclusion(200, 300, leaves.get(200), path, roots[300]));
        assertArrayEquals(roots[300], Base64.getDecoder().decode(inc.getString("rootHash")));
        JsonPath cons = given().queryParam("old", 77).queryParam("new", 300) // public: witnesses need no token
                .when().get("/ledger/proof/consistency").then().statusCode(200)
                .body("old", equalTo(77)).body("new", equalTo(300)).extract().jsonPath();
        assertTrue(Merkle.verifyConsistency(77, 300, roots[77], roots[300],
                cons.getList("proof", String.class).stream().map(h -> Base64.getDecoder().decode(h)).toList()));
        given().queryParam("old", 301).queryParam("new", 300).when().get("/ledger/proof/consistency")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.auditor("audrey")).queryParam("index", 5).queryParam("size", 1_000_000_000)
                .when().get("/ledger/proof/inclusion").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("index", 5).when().get("/ledger/proof/inclusion").then().statusCode(401);
    }

    @Test
    void aDisclosureReceiptCarriesItsIndexAndItsProofBundleVerifiesOffline() throws Exception {
        JsonPath receipt = post(subpoena(subject("acme", "END_USER", "bundle-" + UUID.randomUUID()), LocalDate.now()))
                .statusCode(201).extract().jsonPath();
        long seq = receipt.getLong("ledger.seq");
        assertEquals(seq - 1, receipt.getLong("ledger.index"));
        String bundle = given().auth().oauth2(Tokens.auditor("audrey")).when()
                .get("/disclosures/" + receipt.getString("id") + "/proof").then().statusCode(200)
                .contentType(ContentType.TEXT).extract().asString();
        assertTrue(bundle.startsWith("c2sp.org/tlog-proof@v1\nextra "), bundle);
        NoteKey key = logKey();
        LeafData leaf = TlogProof.parse(bundle).verify(key);
        assertEquals(seq, leaf.seq());
        assertEquals(receipt.getString("id"), leaf.ref());
        assertEquals(receipt.getString("ledger.contentDigest"), leaf.content());

        // the offline verifier's command line says the same, and refuses a tampered bundle
        Path dir = Files.createTempDirectory("bundle");
        Files.writeString(dir.resolve("ok.tlog-proof"), bundle);
        TlogProof parsed = TlogProof.parse(bundle);
        List<byte[]> bent = new ArrayList<>(parsed.path());
        bent.set(0, Merkle.leafHash(new byte[] {1}));
        Files.writeString(dir.resolve("bad.tlog-proof"), new TlogProof(parsed.extra(), parsed.index(), bent,
                parsed.checkpointNote()).text());
        Files.writeString(dir.resolve("key"), key.verifierKey());
        assertEquals(0, Main.run(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), "proof", "--key", dir.resolve("key").toString(),
                dir.resolve("ok.tlog-proof").toString()));
        assertEquals(1, Main.run(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), "proof", "--key", dir.resolve("key").toString(),
                dir.resolve("bad.tlog-proof").toString()));
    }

    @Test
    void checkpointNotesAreSignedByTheTinkKeyAndAWitnessRefusesARewoundLog() throws Exception {
        appendUntil(currentSize() + 3);
        String first = newCheckpoint();
        NoteKey key = logKey();
        Checkpoint a = Checkpoint.verified(first, key).checkpoint();
        assertEquals("steward.local/disclosure-ledger", a.origin());
        given().when().get("/ledger/checkpoint").then().statusCode(200).body(equalTo(first));
        JsonPath pk = given().when().get("/ledger/public-key").then().statusCode(200).extract().jsonPath();
        assertEquals(key.verifierKey(), pk.getString("noteVerifierKey"));
        // the same Ed25519 key as the JSON statements (the Tink key), under its note key ID
        assertArrayEquals(Base64.getDecoder().decode(pk.getString("publicKey")), key.publicKey());
        assertFalse(SignedNote.parse(first.replace("\n" + a.size() + "\n", "\n" + (a.size() + 1) + "\n")).verifiedBy(key));

        // the root the note signs is the root recomputed from the exported entries
        CompactRange fromExport = new CompactRange();
        exportedLeaves().subList(0, (int) a.size()).forEach(fromExport::append);
        assertArrayEquals(a.rootHash(), fromExport.root());

        appendUntil(currentSize() + 5);
        String second = newCheckpoint();
        byte[] seed = Ed25519.newSeed();
        NoteKey wk = NoteKey.ofSeed("witness.test/w1", NoteKey.COSIGNATURE_V1, seed);
        Path state = Files.createTempDirectory("witness").resolve("state");
        Witness witness = new Witness(key, wk, seed, state);
        Witness.ProofSource fromService = (m, n) -> given().queryParam("old", m).queryParam("new", n)
                .when().get("/ledger/proof/consistency").then().statusCode(200).extract().jsonPath()
                .getList("proof", String.class).stream().map(h -> Base64.getDecoder().decode(h)).toList();
        witness.witness(first, fromService, 1);
        SignedNote cosigned = witness.witness(second, fromService, 2);
        assertTrue(dev.steward.tlog.Cosignature.verify(cosigned, wk));
        VerificationException rewound = assertThrows(VerificationException.class,
                () -> witness.witness(first, fromService, 3));
        assertTrue(rewound.getMessage().contains("rewound"), rewound.getMessage());
    }

    @Test
    void holdsPlacedAndReleasedAreLedgerEntries() throws Exception {
        long before = currentSize();
        String id = given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON)
                .body(Map.of("org", "tree-org", "reason", "LITIGATION", "description", "Class action"))
                .when().post("/holds").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON).body(Map.of("reason", "Settled"))
                .when().post("/holds/" + id + "/release").then().statusCode(200).body("active", equalTo(false));
        given().auth().oauth2(Tokens.legal("lena")).contentType(ContentType.JSON).body(Map.of("reason", "Again"))
                .when().post("/holds/" + id + "/release").then().statusCode(409);
        assertEquals(before + 2, currentSize(), "one entry to place, one to release, none for the refused release");
        JsonPath entries = given().auth().oauth2(Tokens.auditor("audrey")).queryParam("limit", 500)
                .queryParam("cursor", dev.steward.platform.paging.Page.encode(Long.toString(before)))
                .when().get("/ledger/entries").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("HOLD_PLACED", "HOLD_RELEASED"), entries.getList("items.type"));
        assertEquals(List.of(id, id), entries.getList("items.ref"));
        assertTrue(verify().getBoolean("valid"));

        try (Connection c = LedgerTest.superuser(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            s.executeUpdate("update legal_hold set description = 'Nothing to see' where id = '" + id + "'");
            try {
                JsonPath v = verify();
                assertFalse(v.getBoolean("valid"));
                assertEquals(before + 1, v.getLong("firstBroken"));
                assertTrue(v.getString("problem").contains("covered record changed"), v.getString("problem"));
            } finally {
                s.executeUpdate("update legal_hold set description = 'Class action' where id = '" + id + "'");
            }
        }
        assertTrue(verify().getBoolean("valid"));
    }

    @Test
    void aDeletedEntryAReorderingAndAnEditedTreeNodeAreNamedByVerify() throws Exception {
        appendUntil(Math.max(currentSize(), 40) + 2);
        assertTrue(verify().getBoolean("valid"));
        try (Connection c = LedgerTest.superuser(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica"); // a superuser can switch the triggers off
            s.execute("create temporary table saved as select * from ledger_entry where seq in (20, 21)");

            s.executeUpdate("delete from ledger_entry where seq = 20");
            try {
                JsonPath v = verify();
                assertFalse(v.getBoolean("valid"));
                assertEquals(20, v.getLong("firstBroken"));
                assertEquals("entry missing", v.getString("problem"));
            } finally {
                s.executeUpdate("insert into ledger_entry select * from saved where seq = 20");
            }
            assertTrue(verify().getBoolean("valid"));

            // swap the contents of entries 20 and 21 (their order), keeping the sequence numbers
            s.executeUpdate("delete from ledger_entry where seq in (20, 21)");
            s.executeUpdate("insert into ledger_entry (seq, entry_type, ref_id, content_digest, recorded_at, prev_hash, hash)"
                    + " select 41 - seq, entry_type, ref_id, content_digest, recorded_at, prev_hash, hash from saved");
            try {
                JsonPath v = verify();
                assertFalse(v.getBoolean("valid"));
                assertEquals(20, v.getLong("firstBroken"));
            } finally {
                s.executeUpdate("delete from ledger_entry where seq in (20, 21)");
                s.executeUpdate("insert into ledger_entry select * from saved");
            }
            assertTrue(verify().getBoolean("valid"));

            // a stored subtree (entries 17..32) rewritten: the entries are intact, the tree is not
            s.execute("create temporary table saved_node as select * from ledger_tree_node where level = 4 and idx = 1");
            s.executeUpdate("update ledger_tree_node set hash = sha256(hash) where level = 4 and idx = 1");
            try {
                JsonPath v = verify();
                assertFalse(v.getBoolean("valid"));
                assertEquals(17, v.getLong("firstBroken"));
                assertTrue(v.getString("problem").contains("tree node"), v.getString("problem"));
            } finally {
                s.executeUpdate("update ledger_tree_node set hash = (select hash from saved_node) where level = 4 and idx = 1");
            }
        }
        assertTrue(verify().getBoolean("valid"));
    }
}
