package dev.steward.disclosure.ledger;

import static dev.steward.disclosure.record.Disclosures.post;
import static dev.steward.disclosure.record.Disclosures.subject;
import static dev.steward.disclosure.record.Disclosures.subpoena;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
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
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LedgerTest {

    @Inject
    LedgerWriter writer;

    @Inject
    DisclosureRepository repository;

    /** The service's own connection pool: it connects as the runtime role. */
    @Inject
    AgroalDataSource serviceDb;

    /** A connection as the migrating superuser, who can switch the append-only triggers off. */
    static Connection superuser() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getOptionalValue("quarkus.flyway.password", String.class).orElse(""));
    }

    private static JsonPath verify(String query) {
        return given().auth().oauth2(Tokens.auditor("audrey")).when().get("/ledger/verify" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private DisclosureRecord record(int i) {
        return new DisclosureRecord(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MICROS), "lena",
                new NewDisclosure.Recipient(RecipientType.REGULATOR, "Authority " + i, null), LegalBasis.LEGAL_OBLIGATION,
                "REF-" + i, LocalDate.now(), LocalDate.now(), List.of(new SubjectRef("bulk", SubjectRef.Kind.END_USER, "u" + i)),
                List.of("user.contact.email"), "Statutory report", Outcome.NON_CONTENT_DISCLOSED, "priya", List.of(),
                null, null, null);
    }

    @Test
    void fiftyConcurrentAppendsLeaveAValidChainWithoutGaps() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Receipt>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                futures.add(CompletableFuture.supplyAsync(() -> writer.append(repository.content(record(n))), pool)
                        .thenCompose(f -> f));
            }
            List<Long> seqs = new ArrayList<>();
            for (CompletableFuture<Receipt> f : futures) {
                seqs.add(f.get(60, TimeUnit.SECONDS).seq());
            }
            seqs.sort(null);
            for (int i = 1; i < seqs.size(); i++) {
                assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "no gaps and no duplicates between the 50 appends");
            }
        } finally {
            pool.shutdownNow();
        }
        JsonPath v = verify("");
        assertTrue(v.getBoolean("valid"), v.prettify());
        assertEquals(v.getLong("size"), v.getLong("checked"));
    }

    @Test
    void aRowChangedBySuperuserIsReportedAtItsSequenceNumber() throws SQLException {
        post(subpoena(subject("acme", "END_USER", "before"), LocalDate.now())).statusCode(201);
        String id = post(subpoena(subject("acme", "END_USER", "victim"), LocalDate.now())).statusCode(201)
                .extract().path("id");
        int seq = given().auth().oauth2(Tokens.legal("lena")).when().get("/disclosures/" + id)
                .then().extract().path("ledger.seq");
        post(subpoena(subject("acme", "END_USER", "after"), LocalDate.now())).statusCode(201);
        assertTrue(verify("").getBoolean("valid"));

        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica"); // a superuser can switch the triggers off
            // 1. the covered record changes behind the ledger's back
            s.executeUpdate("update disclosure set purpose = 'Marketing' where id = '" + id + "'");
            try {
                JsonPath v = verify("");
                assertFalse(v.getBoolean("valid"));
                assertEquals(seq, v.getLong("firstBroken"));
                assertTrue(v.getString("problem").contains("covered record changed"), v.getString("problem"));
                // a range that ends before it still verifies
                assertTrue(verify("?from=1&to=" + (seq - 1)).getBoolean("valid"));
                JsonPath range = verify("?from=" + seq + "&to=" + seq);
                assertEquals(seq, range.getLong("firstBroken"));
            } finally {
                s.executeUpdate("update disclosure set purpose = 'Criminal investigation' where id = '" + id + "'");
            }
            assertTrue(verify("").getBoolean("valid"));

            // 2. the ledger row itself changes
            s.executeUpdate("update ledger_entry set recorded_at = recorded_at - interval '1 day' where seq = " + seq);
            try {
                JsonPath v = verify("");
                assertFalse(v.getBoolean("valid"));
                assertEquals(seq, v.getLong("firstBroken"));
            } finally {
                s.executeUpdate("update ledger_entry set recorded_at = recorded_at + interval '1 day' where seq = " + seq);
            }
            assertTrue(verify("").getBoolean("valid"));
        }
    }

    @Test
    void theServiceRoleCannotUpdateOrDeleteTheLedger() throws SQLException {
        post(subpoena(subject("acme", "END_USER", "immutable"), LocalDate.now())).statusCode(201);
        try (Connection c = serviceDb.getConnection(); Statement s = c.createStatement()) {
            assertEquals("disclosure_app", c.getMetaData().getUserName());
            for (String sql : new String[] {"update ledger_entry set entry_type = 'X' where seq = 1",
                    "delete from ledger_entry where seq = 1", "truncate ledger_entry",
                    "update disclosure set purpose = 'x'", "delete from disclosure_subject",
                    "update legal_hold set reason = 'LITIGATION'", "delete from legal_hold_release",
                    "update ledger_checkpoint set size = 0", "delete from chain_head"}) {
                SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());
            }
        }
        // and the trigger refuses even the owner (here a superuser) while triggers are on
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute("delete from ledger_entry where seq = 1"));
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        }
        assertTrue(verify("").getBoolean("valid"));
    }

    @Test
    void checkpointsVerifyWithThePublicKeyAloneAndFailAfterTampering() throws Exception {
        post(subpoena(subject("acme", "END_USER", "cp"), LocalDate.now())).statusCode(201);
        JsonPath cp = given().auth().oauth2(Tokens.legal("lena")).when().post("/ledger/checkpoints")
                .then().statusCode(201).extract().jsonPath();
        JsonPath key = given().when().get("/ledger/public-key").then().statusCode(200)
                .body("algorithm", equalTo("Ed25519")).body("ephemeral", equalTo(false)).extract().jsonPath();
        assertEquals(key.getString("keyId"), cp.getString("keyId"));

        PublicKey publicKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.getString("spki"))));
        String statement = cp.getString("statement");
        byte[] signature = Base64.getDecoder().decode(cp.getString("signature"));
        assertTrue(ed25519(publicKey, statement, signature), "the checkpoint verifies with the public key alone");
        JsonPath signed = JsonPath.from(statement);
        assertEquals(cp.getLong("size"), signed.getLong("size"));
        assertEquals(cp.getString("headHash"), signed.getString("headHash"));

        String tampered = statement.replace("\"size\":" + cp.getLong("size"), "\"size\":" + (cp.getLong("size") - 1));
        assertFalse(ed25519(publicKey, tampered, signature), "a changed statement does not verify");
        signature[0] ^= 1;
        assertFalse(ed25519(publicKey, statement, signature), "a changed signature does not verify");

        given().auth().oauth2(Tokens.auditor("audrey")).when().get("/ledger/checkpoints/latest")
                .then().statusCode(200).body("id", equalTo(cp.getString("id")));
    }

    @Test
    void entriesCarryNoPersonalDataAndPage() {
        post(subpoena(subject("acme", "END_USER", "someone@example.com"), LocalDate.now())).statusCode(201);
        String all = given().auth().oauth2(Tokens.auditor("audrey")).queryParam("limit", 500)
                .when().get("/ledger/entries").then().statusCode(200).extract().asString();
        assertFalse(all.contains("someone@example.com"));
        assertFalse(all.contains("Criminal investigation"));
        given().auth().oauth2(Tokens.auditor("audrey")).queryParam("limit", 1).when().get("/ledger/entries")
                .then().statusCode(200).body("items[0].seq", equalTo(1)).body("items[0].prevHash", equalTo("0".repeat(64)));
        given().auth().oauth2(Tokens.auditor("audrey")).queryParam("from", 5).queryParam("to", 2)
                .when().get("/ledger/verify").then().statusCode(400);
        given().when().get("/ledger/public-key").then().statusCode(200).body("pem", containsString("BEGIN PUBLIC KEY"));
        given().auth().oauth2(Tokens.auditor("audrey")).when().get("/ledger/verify")
                .then().statusCode(200).body("firstBroken", nullValue());
    }

    private static boolean ed25519(PublicKey key, String statement, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(statement.getBytes(StandardCharsets.UTF_8));
        try {
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            return false; // a signature that is not even well-formed
        }
    }
}
