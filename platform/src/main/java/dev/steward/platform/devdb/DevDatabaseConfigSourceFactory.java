package dev.steward.platform.devdb;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * In dev mode ({@code ./mvnw quarkus:dev}) without {@code DB_URL}, points the datasource at an
 * embedded PostgreSQL started on first use under {@code target/}, so dev mode needs neither Docker
 * nor an installed database. Inert in every other profile, and when zonky is not on the class path.
 */
public class DevDatabaseConfigSourceFactory implements ConfigSourceFactory {

    private static final String URL = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue dbUrl = context.getValue("DB_URL");
        ConfigValue name = context.getValue("quarkus.application.name");
        boolean dev = context.getProfiles().contains("dev");
        if (!dev || (dbUrl != null && dbUrl.getValue() != null) || !zonkyPresent()) {
            return List.of();
        }
        String database = name != null && name.getValue() != null
                ? name.getValue().replace("-service", "") : "steward";
        return List.of(new LazyDatabaseSource(database));
    }

    private static boolean zonkyPresent() {
        try {
            Class.forName("io.zonky.test.db.postgres.embedded.EmbeddedPostgres", false,
                    Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Starts the database only when the URL is actually read (not at build time). */
    private static final class LazyDatabaseSource implements ConfigSource {
        private final String database;

        LazyDatabaseSource(String database) {
            this.database = database;
        }

        @Override
        public Set<String> getPropertyNames() {
            return Set.of(URL, "quarkus.datasource.username", "quarkus.datasource.password");
        }

        @Override
        public Map<String, String> getProperties() {
            return Map.of();
        }

        @Override
        public String getValue(String property) {
            return switch (property) {
                case URL -> EmbeddedDatabase.jdbcUrl(Path.of("target"), database);
                case "quarkus.datasource.username" -> EmbeddedDatabase.USER;
                case "quarkus.datasource.password" -> EmbeddedDatabase.PASSWORD;
                default -> null;
            };
        }

        @Override
        public int getOrdinal() {
            return 275; // above application.properties (250), below environment variables (300)
        }

        @Override
        public String getName() {
            return "steward-dev-embedded-postgres";
        }
    }
}
