package dev.steward.platform.testing;

import dev.steward.platform.devdb.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real PostgreSQL for {@code @QuarkusTest}s: the server named by {@code DB_URL} (with
 * {@code DB_USER}/{@code DB_PASSWORD}) when set, otherwise an embedded PostgreSQL 15 under
 * {@code target/embedded-pg}, one per test JVM.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String url = System.getenv("DB_URL");
        if (url != null && !url.isBlank()) {
            return Map.of("quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", env("DB_USER", "postgres"),
                    "quarkus.datasource.password", env("DB_PASSWORD", ""));
        }
        return Map.of("quarkus.datasource.jdbc.url", EmbeddedDatabase.jdbcUrl(Path.of("target"), "steward"),
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", EmbeddedDatabase.PASSWORD);
    }

    @Override
    public void stop() {
        // The cluster lives for the whole JVM: Quarkus restarts test resources between test
        // profiles, and a shutdown hook stops it at the end.
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
