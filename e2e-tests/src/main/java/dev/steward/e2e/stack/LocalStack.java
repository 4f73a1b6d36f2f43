package dev.steward.e2e.stack;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The local run command (deploy/local/run.sh): starts the whole suite on the documented ports, loads
 * the demo data, prints the addresses and a walk-through, and stops everything on Ctrl-C.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        Progress progress = new Progress(System.out);
        Stack.Options options = Stack.Options.defaults("local-stack", true);
        progress.say("Steward local stack from %s (cache %s)", options.root(), options.cacheDir());
        CountDownLatch stopped = new CountDownLatch(1);
        Stack[] holder = new Stack[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Stack s;
            synchronized (holder) {
                s = holder[0];
            }
            if (s != null) {
                System.out.println();
                progress.say("Ctrl-C: stopping");
                s.close();
            }
            stopped.countDown();
        }, "steward-stop"));
        Stack stack;
        try {
            stack = Stack.start(options, progress);
        } catch (RuntimeException e) {
            System.err.println("Steward did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        synchronized (holder) {
            holder[0] = stack;
        }
        DemoData.load(stack);
        System.out.println(WalkThrough.text(stack));
        Map<String, Long> rss = stack.residentMiB();
        progress.say("Memory (RSS, MiB): %s", rss);
        progress.say("Running. Ctrl-C stops everything; a service that dies is reported and restarted.");
        if (!Watchdog.watch(stack, progress, stopped)) {
            System.exit(1); // the shutdown hook stops what is still running
        }
    }
}
