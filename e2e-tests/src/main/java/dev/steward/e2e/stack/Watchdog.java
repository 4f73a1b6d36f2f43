package dev.steward.e2e.stack;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the local stack honest while it runs: a service that dies is reported with the end of its
 * log and started again (at most {@value #RESTARTS} times, then the stack stops); if Keycloak dies
 * nothing works any more, so the stack says so and stops.
 */
public final class Watchdog {

    static final int RESTARTS = 3;

    private Watchdog() {
    }

    /** Watches until {@code stopped} opens (Ctrl-C); returns false when the stack had to be stopped. */
    public static boolean watch(Stack stack, Progress progress, CountDownLatch stopped) throws InterruptedException {
        Map<String, Integer> restarts = new HashMap<>();
        while (!stopped.await(2, TimeUnit.SECONDS)) {
            if (stack.keycloak().javaProcess().map(p -> !p.isAlive()).orElse(false)) {
                progress.say("Keycloak exited; its log: %s. Stopping the stack.", stack.keycloak().log());
                return false;
            }
            for (String name : Stack.SERVICES) {
                ServiceProcess service = stack.service(name);
                if (service.isAlive()) {
                    continue;
                }
                int n = restarts.merge(name, 1, Integer::sum);
                progress.say("%s stopped (%s). Its log ends:%n%s", name, service.exitStatus(), Processes.tail(service.log(), 15));
                if (n > RESTARTS) {
                    progress.say("%s died %d times: stopping the stack.", name, n);
                    return false;
                }
                progress.say("Restarting %s (%d of %d)", name, n, RESTARTS);
                try {
                    service.restart(Duration.ofMinutes(3), progress);
                } catch (RuntimeException e) {
                    progress.say("%s did not come back: %s. Stopping the stack.", name, e.getMessage());
                    return false;
                }
            }
        }
        return true;
    }
}
