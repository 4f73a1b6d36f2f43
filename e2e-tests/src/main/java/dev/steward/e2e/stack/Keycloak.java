package dev.steward.e2e.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak 26.5.6, the server distribution from Maven Central: unpacked once into the cache
 * directory, started in dev mode ({@code start-dev}, in-memory H2 so every start is fresh) with the
 * steward realm imported, on 127.0.0.1. Keycloak 26 needs Java 21+: see {@link #javaHome()}.
 */
public final class Keycloak implements AutoCloseable {

    public static final String REALM = "steward";

    private final Path home;
    private final int port;
    private final Path log;
    private Process process;

    private Keycloak(Path home, int port, Path log) {
        this.home = home;
        this.port = port;
        this.log = log;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    /** The java process (kc.sh starts it as a child of bash), for memory figures. */
    public Optional<ProcessHandle> javaProcess() {
        if (process == null) {
            return Optional.empty();
        }
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst().or(() -> Optional.of(process.toHandle()));
    }

    static Keycloak start(Path cacheDir, Path realmFile, int port, Path logDir, Progress progress) {
        Path home = unpacked(cacheDir, progress);
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile, imports.resolve("steward-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare Keycloak in " + home, e);
        }
        Path javaHome = javaHome();
        Keycloak kc = new Keycloak(home, port, logDir.resolve("keycloak.log"));
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=http://127.0.0.1:" + port,
                "--db=dev-mem", "--import-realm", "--cache=local", "--log-level=info"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(kc.log.toFile());
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("JAVA", javaHome.resolve("bin/java").toString());
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        env.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        // Local development only: the admin console's bootstrap account.
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        progress.say("Starting Keycloak %s on %s (Java %s, log %s)", version(), kc.url(), javaHome, kc.log);
        try {
            kc.process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak", e);
        }
        return kc;
    }

    /** Waits until the realm's discovery document answers, showing progress; fails if Keycloak dies. */
    void awaitReady(Duration timeout, Progress progress) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextReport = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited (code " + process.exitValue() + "). Log "
                        + log + ":" + System.lineSeparator() + Processes.tail(log, 40));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    progress.say("Keycloak ready: realm %s at %s", REALM, issuer());
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Keycloak not ready after " + timeout.toSeconds() + " s. Log " + log
                        + ":" + System.lineSeparator() + Processes.tail(log, 40));
            }
            if (System.nanoTime() > nextReport) {
                progress.say("  ... waiting for Keycloak (%s)", lastLine());
                nextReport = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            }
            sleep(250);
        }
    }

    private String lastLine() {
        String tail = Processes.tail(log, 1).strip();
        return tail.length() > 110 ? tail.substring(0, 110) + "…" : tail;
    }

    @Override
    public void close() {
        Processes.stop(process, 20);
    }

    static String version() {
        return stackProperties().getProperty("keycloak.version", "26.5.6");
    }

    /** The distribution unpacked under the cache directory, unpacking it the first time. */
    static Path unpacked(Path cacheDir, Progress progress) {
        String version = version();
        Path home = cacheDir.resolve("keycloak-" + version);
        if (Files.isRegularFile(home.resolve(".steward-unpacked"))) {
            progress.say("Keycloak %s: reusing %s", version, home);
            return home;
        }
        Path zip = distributionZip();
        progress.say("Keycloak %s: unpacking %s into %s (once)", version, zip, home);
        try {
            Files.createDirectories(cacheDir);
            Path tmp = Files.createTempDirectory(cacheDir, "keycloak-unpacking-");
            try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
                ZipEntry entry;
                while ((entry = z.getNextEntry()) != null) {
                    // entries are keycloak-<version>/...: drop the top directory
                    String name = entry.getName();
                    int slash = name.indexOf('/');
                    if (slash < 0 || slash == name.length() - 1) {
                        continue;
                    }
                    Path target = tmp.resolve(name.substring(slash + 1)).normalize();
                    if (!target.startsWith(tmp)) {
                        throw new IOException("Unsafe zip entry " + name);
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(z, target, StandardCopyOption.REPLACE_EXISTING);
                        if (name.endsWith(".sh")) {
                            target.toFile().setExecutable(true);
                        }
                    }
                }
            }
            Files.writeString(tmp.resolve(".steward-unpacked"), zip.toString());
            if (Files.exists(home)) {
                deleteTree(home);
            }
            try {
                Files.move(tmp, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isRegularFile(home.resolve(".steward-unpacked"))) {
                    throw raced;
                }
                deleteTree(tmp); // another launcher unpacked it meanwhile
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + zip, e);
        }
    }

    /** Where Maven put the distribution zip (resolved as this module's dependency). */
    static Path distributionZip() {
        String fromBuild = stackProperties().getProperty("keycloak.zip", "");
        if (!fromBuild.isBlank() && !fromBuild.contains("${")) {
            Path zip = Path.of(fromBuild);
            if (Files.isRegularFile(zip)) {
                return zip;
            }
        }
        String repo = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        String v = version();
        Path zip = Path.of(repo, "org", "keycloak", "keycloak-quarkus-dist", v, "keycloak-quarkus-dist-" + v + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak distribution not found at " + zip
                    + ". Build the e2e-tests module first (./mvnw -B -ntp package -DskipTests), which downloads it.");
        }
        return zip;
    }

    static Properties stackProperties() {
        Properties p = new Properties();
        try (InputStream in = Keycloak.class.getResourceAsStream("/steward-stack.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /**
     * A JDK 21+ for Keycloak: {@code KEYCLOAK_JAVA_HOME} if set, this JVM if it is 21+, otherwise the
     * newest JDK 21+ under /usr/lib/jvm (Debian, Ubuntu) or /usr/java, /opt/java.
     */
    static Path javaHome() {
        String explicit = System.getenv("KEYCLOAK_JAVA_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"));
        }
        List<Path> candidates = new ArrayList<>();
        for (String root : List.of("/usr/lib/jvm", "/usr/java", "/opt/java", System.getProperty("user.home") + "/.sdkman/candidates/java")) {
            Path dir = Path.of(root);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> homes = Files.list(dir)) {
                    homes.filter(h -> featureVersion(h) >= 21).forEach(candidates::add);
                } catch (IOException e) {
                    // skip
                }
            }
        }
        return candidates.stream().max(Comparator.comparingInt(Keycloak::featureVersion)).orElseThrow(() ->
                new IllegalStateException("Keycloak 26 needs Java 21 or newer and none was found (this JVM is "
                        + Runtime.version() + "). Install a JDK 21+ or set KEYCLOAK_JAVA_HOME."));
    }

    private static int featureVersion(Path javaHome) {
        Path release = javaHome.resolve("release");
        if (!Files.isExecutable(javaHome.resolve("bin/java")) || !Files.isRegularFile(release)) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
