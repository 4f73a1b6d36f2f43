package dev.steward.e2e.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One Steward service: its packaged fast-jar run with {@code java -jar} (prod profile) and its env. */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final Path log;
    private Process process;
    private ProcessBuilder command;

    private ServiceProcess(String name, int port, Path log) {
        this.name = name;
        this.port = port;
        this.log = log;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** The fast-jar of {@code service} in the repository, failing with the build command if missing. */
    static Path jar(Path root, String service) {
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": build the services first (./mvnw -B -ntp package -DskipTests).");
        }
        return jar;
    }

    static ServiceProcess start(Path root, String name, int port, Map<String, String> env, Path logDir, Path appsDir,
                                Progress progress) {
        return start(root, name, name, port, env, logDir, appsDir, progress);
    }

    /** One replica of {@code name}, called {@code instance} in its log's and its copy's names. */
    static ServiceProcess start(Path root, String name, String instance, int port, Map<String, String> env, Path logDir,
                                Path appsDir, Progress progress) {
        // Run a copy of the packaged app, so that rebuilding the service while the stack runs (or
        // starts) cannot pull files from under it.
        Path jar = snapshot(jar(root, name).getParent(), appsDir.resolve(instance)).resolve("quarkus-run.jar");
        ServiceProcess service = new ServiceProcess(name, port, logDir.resolve(instance + ".log"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString()))
                .directory(jar.getParent().toFile()).redirectErrorStream(true).redirectOutput(service.log.toFile());
        // Loopback only, like Keycloak and PostgreSQL in this stack: nothing on the network reaches a
        // local stack's services (a deployment binds where its manifests say).
        pb.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        pb.environment().putAll(env);
        pb.environment().put("PORT", Integer.toString(port));
        progress.say("Starting %s on %s (log %s)", name, service.url(), service.log);
        try {
            Files.createDirectories(logDir);
            service.process = pb.start();
            service.command = pb;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
        return service;
    }

    private static Path snapshot(Path app, Path copy) {
        for (int attempt = 1; ; attempt++) {
            try {
                deleteTree(copy);
                try (Stream<Path> files = Files.walk(app)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Path target = copy.resolve(app.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
                return copy;
            } catch (IOException | UncheckedIOException e) {
                if (attempt == 5) {
                    throw new IllegalStateException("Could not copy " + app + " (is it being rebuilt?): " + e.getMessage(), e);
                }
                Keycloak.sleep(2000); // a build is rewriting it: try again
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Waits for {@code /q/health/ready} to answer 200; fails with the log's end if the process dies. */
    void awaitReady(Duration timeout, Progress progress) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create(url() + "/q/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextReport = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited (code " + process.exitValue() + "). Log " + log + ":"
                        + System.lineSeparator() + Processes.tail(log, 40));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    progress.say("%s ready at %s", name, url());
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            if (failedToStart()) {
                throw new IllegalStateException(name + " failed to start. Log " + log + ":" + System.lineSeparator()
                        + Processes.tail(log, 40));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s. Log " + log + ":"
                        + System.lineSeparator() + Processes.tail(log, 40));
            }
            if (System.nanoTime() > nextReport) {
                progress.say("  ... waiting for %s", name);
                nextReport = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            }
            Keycloak.sleep(200);
        }
    }

    /** Quarkus logged that the application failed to start (the JVM may linger on non-daemon threads). */
    private boolean failedToStart() {
        try {
            return Files.exists(log) && Files.readString(log).contains("Failed to start application");
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** How the process ended, or "running". */
    public String exitStatus() {
        return process.isAlive() ? "running" : "exit code " + process.exitValue();
    }

    /** Kills the process as a crash would (SIGKILL: no shutdown hook, nothing flushed). */
    public void crash() {
        process.toHandle().destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing " + name, e);
        }
    }

    /** Starts the service again as it was first started (its log continues) and waits until it is ready. */
    public void restart(Duration timeout, Progress progress) {
        try {
            process = command.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restart " + name, e);
        }
        awaitReady(timeout, progress);
    }

    @Override
    public void close() {
        Processes.stop(process, 15);
    }
}
