package dev.steward.request;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.steward.platform.devdb.EmbeddedDatabase;
import dev.steward.platform.testing.PostgresResource;
import dev.steward.platform.testing.Tokens;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application (target/quarkus-app) as a process this test owns, for what
 * {@code @QuarkusIntegrationTest} cannot do: kill it with SIGKILL and start it again, or give it a
 * small heap. Production profile; only the database, the WireMock OIDC server and the peers'
 * addresses are the test's. Its log goes to target/&lt;name&gt;-&lt;n&gt;.log.
 */
public final class PackagedApp implements AutoCloseable {

    private final String name;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final OidcWiremockTestResource oidc = new OidcWiremockTestResource();
    private final int port;
    private Process process;
    private int launches;

    public PackagedApp(String name, String accountUrl, String disclosureUrl) throws IOException {
        this.name = name;
        settings.putAll(database(name));
        String oidcUrl = oidc.start().get("keycloak.url") + "/realms/quarkus/";
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        settings.put("quarkus.http.port", String.valueOf(port));
        settings.put("quarkus.oidc.auth-server-url", oidcUrl);
        settings.put("quarkus.oidc.token.issuer", Tokens.ISSUER);
        settings.put("quarkus.oidc-client.auth-server-url", oidcUrl);
        settings.put("quarkus.oidc-client.credentials.secret", "secret");
        settings.put("quarkus.rest-client.account-service.url", accountUrl);
        settings.put("quarkus.rest-client.disclosure-service.url", disclosureUrl);
        settings.put("steward.reports.link-secret", name);
    }

    /**
     * A database of its own in the embedded cluster: an application that {@code @QuarkusIntegrationTest}
     * started in this JVM may still run, and its scheduler would take this one's steps. With
     * {@code DB_URL} set, that server's database is shared.
     */
    private static Map<String, String> database(String name) {
        if (System.getenv("DB_URL") != null && !System.getenv("DB_URL").isBlank()) {
            return new PostgresResource().start();
        }
        return Map.of("quarkus.datasource.jdbc.url", EmbeddedDatabase.jdbcUrl(Path.of("target"), name.replace('-', '_')),
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", EmbeddedDatabase.PASSWORD);
    }

    public int port() {
        return port;
    }

    /** Starts the application with these JVM options and extra settings, and waits until it is ready. */
    public void start(List<String> jvmOptions, Map<String, String> extra) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(extra);
        all.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString()));
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log(++launches).toFile()).start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the application exited; see " + log(launches));
                    }
                    return given().port(port).when().get("/q/health/ready").statusCode() == 200;
                });
    }

    /** kill -9: no shutdown hook runs, nothing is stopped cleanly. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** The log of the latest start. */
    public String log() throws IOException {
        return Files.readString(log(launches));
    }

    private Path log(int n) {
        return Path.of("target", name + "-" + n + ".log");
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        oidc.stop();
    }
}
