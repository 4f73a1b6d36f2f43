package dev.steward.e2e.bench;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.e2e.StackAccess;
import dev.steward.e2e.console.ConsoleSession;
import dev.steward.e2e.stack.Realm;
import dev.steward.e2e.stack.Stack;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How long the console takes to render the officer's queue page with 50 rows, against the real
 * stack (the console, request-service with its PostgreSQL, Keycloak-issued tokens): a signed-in
 * session asks for /requests again and again; each time is the whole round trip as a browser's
 * request sees it (the console's call to request-service included). Not a test: its name matches
 * no Surefire or Failsafe pattern; bench/console/run.sh runs it and bench/console/README.md keeps
 * the figures.
 */
@ExtendWith(StackAccess.class)
class QueuePageBench {

    static final int ROWS = 50;

    @Test
    void queuePageOf50Rows(Stack stack) throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 50);
        int samples = Integer.getInteger("bench.samples", 300);
        String officer = stack.tokens().user("olivia");
        for (int i = 0; i < ROWS + 10; i++) {
            given().header("Authorization", "Bearer " + officer).header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType("application/json")
                    .body(Map.of("type", "ACCESS", "attestation", "bench: identity checked by phone",
                            "subject", Map.of("org", "acme", "kind", "END_USER", "id", "acme-100" + (1 + i % 2))))
                    .post(stack.url("request-service") + "/requests").then().statusCode(201);
        }
        ConsoleSession session = ConsoleSession.signIn(stack.url(Stack.CONSOLE), "olivia", Realm.DEMO_PASSWORD);
        HttpResponse<String> first = session.get("/requests");
        assertEquals(200, first.statusCode());
        int rows = first.body().split("name=\"ids\"", -1).length - 1;
        assertEquals(ROWS, rows, "a full page of 50 rows");

        for (int i = 0; i < warmup; i++) {
            session.get("/requests");
        }
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> page = session.get("/requests");
            nanos[i] = System.nanoTime() - t0;
            assertTrue(page.statusCode() == 200 && page.body().contains("</html>"));
        }
        Arrays.sort(nanos);
        String line = String.format("queue page rows=%d samples=%d p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms bytes=%d loadavg=[%s]",
                rows, samples, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos[samples - 1] / 1e6,
                first.body().length(), Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println("BENCH " + line);
        Files.writeString(Path.of("target/bench-console.txt"), line + "\n"); // surefire runs in e2e-tests/
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
