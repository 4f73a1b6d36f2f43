package dev.steward.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.e2e.stack.Progress;
import dev.steward.e2e.stack.Stack;
import dev.steward.e2e.stack.Watchdog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The local launcher notices a service that died, says so and starts it again (issue 11). */
@ExtendWith(StackExtension.class)
class LauncherWatchdogIT {

    @Test
    void aServiceThatDiesIsReportedAndRestarted(Stack stack) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(out, true, StandardCharsets.UTF_8));
        CountDownLatch stopped = new CountDownLatch(1);
        CompletableFuture<Boolean> watching = CompletableFuture.supplyAsync(() -> {
            try {
                return Watchdog.watch(stack, progress, stopped);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        stack.service("account-service").crash();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).alias("the watchdog restarted account-service")
                .until(() -> out.toString(StandardCharsets.UTF_8).contains("account-service ready"));
        stopped.countDown();

        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(watching.get(30, TimeUnit.SECONDS), said);
        assertTrue(said.contains("account-service stopped (exit code"), said);
        assertTrue(said.contains("Restarting account-service (1 of 3)"), said);
        assertTrue(stack.service("account-service").isAlive(), said);
        Calls.as(stack.tokens().user("olivia")).get(stack.url("account-service") + "/orgs/acme").then().statusCode(200);
    }
}
