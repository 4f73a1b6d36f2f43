package dev.steward.e2e;

import static dev.steward.e2e.Calls.approvedByLeo;
import static dev.steward.e2e.Calls.as;
import static dev.steward.e2e.Calls.body;
import static dev.steward.e2e.Calls.json;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.e2e.stack.Database;
import dev.steward.e2e.stack.Stack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The restore drill of issue 18, on the running stack, through deploy/local/restore-drill.sh: a base
 * backup of the stack's PostgreSQL cluster with the WAL streamed after it; disclosures and requests
 * acknowledged before and after the backup; disclosure-service stopped and its database — the
 * ledger — dropped; the database recovered to the moment before the drop and copied back; the
 * service restarted. Then every acknowledged disclosure and request is there, the ledger verifies
 * with the same size, and ledger-verifier (the daily CronJob's command, with the checkpoint it kept
 * before the loss) accepts the restored log as not rewound — while it refuses the checkpoint from
 * the backup's time, which is what a restore from the base backup alone would have published.
 * Runs after the other classes but before LedgerAfterTheRunIT, which then checks the restored ledger.
 */
@Order(Integer.MAX_VALUE - 1)
@ExtendWith(StackExtension.class)
class RestoreDrillIT {

    private static final Pattern LSN = Pattern.compile("(?m)^LSN ([0-9A-F]+/[0-9A-F]+)$");

    @Test
    void aDestroyedLedgerDatabaseComesBackWithEveryAcknowledgedEntryAndUnrewound(Stack stack) throws Exception {
        Path root = Path.of(System.getProperty("steward.root", "..")).toAbsolutePath().normalize();
        Path script = root.resolve("deploy/local/restore-drill.sh");
        Path verifierJar = root.resolve("ledger-verifier/target/ledger-verifier-0.1.0-SNAPSHOT.jar");
        assertTrue(Files.isRegularFile(verifierJar), "build ledger-verifier first: " + verifierJar);
        // Under /tmp, made by the script: as root its server-side steps run as the postgres user.
        Path drill = Path.of(System.getProperty("java.io.tmpdir"), "steward-restore-drill-" + UUID.randomUUID());
        Path work = Files.createTempDirectory("steward-drill-verifier-");
        String password = UUID.randomUUID().toString();
        Database db = stack.database();
        try (Connection c = db.admin(); var s = c.createStatement()) {
            s.execute("create role steward_drill superuser replication login password '" + password + "'");
        }
        Map<String, String> pg = Map.of("PGHOST", "127.0.0.1", "PGPORT", Integer.toString(db.port()),
                "PGUSER", "steward_drill", "PGPASSWORD", password);
        String disclosure = stack.url("disclosure-service");
        String lena = stack.tokens().user("lena");
        List<String> disclosures = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        try {
            acknowledged(stack, "before", 3, 1, disclosures, requests);
            as(lena).post(disclosure + "/ledger/checkpoints").then().statusCode(201);
            Path atBackup = work.resolve("checkpoint-at-backup");
            Files.writeString(atBackup, get(disclosure + "/ledger/checkpoint"));

            long t = System.nanoTime();
            run(pg, script.toString(), "backup", drill.toString());
            millis.put("base backup", elapsed(t));

            acknowledged(stack, "after", 5, 2, disclosures, requests);
            as(lena).post(disclosure + "/ledger/checkpoints").then().statusCode(201);
            long size = ledgerSize(stack);
            Path key = work.resolve("log.vkey");
            Files.writeString(key, get(disclosure + "/ledger/note-verifier-key"));
            Path state = work.resolve("accepted-checkpoint");
            String kept = verifier(verifierJar, "monitor", "--key", key.toString(), "--state", state.toString(), "--log", disclosure);
            assertTrue(kept.startsWith("OK ledger") && kept.contains(" size " + size + " "), kept);

            // the loss: the service stops, its database is dropped
            stack.service("disclosure-service").crash();
            String destroyed = run(pg, script.toString(), "destroy", "disclosure");
            Matcher lsn = LSN.matcher(destroyed);
            assertTrue(lsn.find(), destroyed);

            t = System.nanoTime();
            run(pg, script.toString(), "restore", drill.toString(), "disclosure", lsn.group(1));
            millis.put("restore (recovery to the LSN + copy back)", elapsed(t));
            t = System.nanoTime();
            stack.service("disclosure-service").restart(Duration.ofMinutes(3), stack.progress());
            millis.put("disclosure-service ready again", elapsed(t));

            // nothing acknowledged is missing
            for (String id : disclosures) {
                as(lena).get(disclosure + "/disclosures/" + id).then().statusCode(200);
            }
            String alice = stack.tokens().user("alice");
            for (String id : requests) {
                as(alice).get(stack.url("request-service") + "/requests/" + id).then().statusCode(200);
            }
            JsonNode verification = json(as(stack.tokens().user("audrey")).get(disclosure + "/ledger/verify")
                    .then().statusCode(200).extract().response());
            assertTrue(verification.path("valid").asBoolean(), verification.toPrettyString());
            assertEquals(size, verification.path("size").asLong(), "the ledger has every entry it had: " + verification);

            // not rewound, from outside: the checkpoint kept before the loss is extended by today's
            String after = verifier(verifierJar, "monitor", "--key", key.toString(), "--state", state.toString(), "--log", disclosure);
            assertTrue(after.startsWith("OK ledger") && after.contains("extends size " + size), after);
            // what a restore of the base backup alone would have published: refused as a rewind
            String rewound = verifierFails(verifierJar, "monitor", "--key", key.toString(), "--state", state.toString(),
                    "--log", disclosure, atBackup.toString());
            assertTrue(rewound.startsWith("FAILED refused: the log was rewound from size " + size), rewound);

            // and the suite is healthy: every service ready, the ledger takes new entries
            for (String service : Stack.SERVICES) {
                given().get(stack.url(service) + "/q/health/ready").then().statusCode(200);
            }
            acknowledged(stack, "restored", 1, 0, disclosures, new ArrayList<>());
            assertEquals(size + 1, ledgerSize(stack));
            stack.progress().say("Restore drill timings (ms): %s", millis);
        } finally {
            run(pg, script.toString(), "cleanup", drill.toString());
            try (Connection c = db.admin(); var s = c.createStatement()) {
                s.execute("drop role if exists steward_drill");
            }
            deleteTree(work);
        }
    }

    /** Records disclosures (legal) and completed ACCESS requests (alice), keeping their acknowledged ids. */
    private static void acknowledged(Stack stack, String phase, int disclosureCount, int requestCount,
                                     List<String> disclosures, List<String> requests) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        for (int i = 0; i < disclosureCount; i++) {
            String id = as(stack.tokens().user("lena")).header("Idempotency-Key", "e2e-drill-" + phase + "-" + i + "-" + UUID.randomUUID())
                    .body(body(approvedByLeo(stack, Map.of(
                            "recipient", Map.of("type", "LAW_ENFORCEMENT", "name", "Capital City Police"),
                            "legalBasis", "SUBPOENA", "caseReference", "CCP-2026-" + phase + "-" + i,
                            "receivedOn", today, "disclosedOn", today,
                            "subjects", List.of(Map.of("org", "globex", "kind", "END_USER", "id", "e2e-drill-" + i)),
                            "dataCategories", List.of("user.contact.email"),
                            "purpose", "criminal investigation", "outcome", "NON_CONTENT_DISCLOSED"))))
                    .post(stack.url("disclosure-service") + "/disclosures").then().statusCode(201).extract().path("id");
            disclosures.add(id);
        }
        String alice = stack.tokens().user("alice");
        for (int i = 0; i < requestCount; i++) {
            String id = as(alice).header("Idempotency-Key", "e2e-drill-request-" + phase + "-" + i + "-" + UUID.randomUUID())
                    .body(body(Map.of("type", "ACCESS"))).post(stack.url("request-service") + "/requests")
                    .then().statusCode(201).extract().path("id");
            assertEquals("COMPLETED", Calls.awaitSettled(stack, alice, id).path("status").asText());
            requests.add(id);
        }
    }

    private static long ledgerSize(Stack stack) {
        JsonNode verification = json(as(stack.tokens().user("audrey")).get(stack.url("disclosure-service") + "/ledger/verify")
                .then().statusCode(200).extract().response());
        assertTrue(verification.path("valid").asBoolean(), verification.toPrettyString());
        return verification.path("size").asLong();
    }

    private static String get(String url) {
        return given().get(url).then().statusCode(200).extract().asString();
    }

    private static String verifier(Path jar, String... args) throws IOException, InterruptedException {
        Result r = java(jar, args);
        assertEquals(0, r.exit(), "ledger-verifier " + String.join(" ", args) + ":\n" + r.output());
        return r.output().strip();
    }

    private static String verifierFails(Path jar, String... args) throws IOException, InterruptedException {
        Result r = java(jar, args);
        assertEquals(1, r.exit(), "ledger-verifier " + String.join(" ", args) + " must refuse:\n" + r.output());
        return r.output().strip();
    }

    private record Result(int exit, String output) {
    }

    private static Result java(Path jar, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        return exec(new ProcessBuilder(command), Duration.ofMinutes(1));
    }

    /** Runs a step of the drill script with the live cluster's connection; fails with its output. */
    private static String run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        Result r = exec(pb, Duration.ofMinutes(5));
        System.out.print(r.output());
        assertEquals(0, r.exit(), String.join(" ", command) + ":\n" + r.output());
        return r.output();
    }

    private static Result exec(ProcessBuilder pb, Duration timeout) throws IOException, InterruptedException {
        Path out = Files.createTempFile("steward-drill-", ".out");
        try {
            Process p = pb.redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(pb.command() + " did not finish within " + timeout + ":\n" + Files.readString(out));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static long elapsed(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
