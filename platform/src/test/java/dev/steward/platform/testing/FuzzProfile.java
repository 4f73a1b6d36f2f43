package dev.steward.platform.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The fuzz runs against a database of its own ("fuzz" in the same embedded cluster) with no peer
 * stubs: whatever it creates meets no other test, and a call to a peer is honestly unavailable.
 */
public class FuzzProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FuzzDatabase.class), new TestResourceEntry(OidcWiremockTestResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    public static class FuzzDatabase extends PostgresResource {
        @Override
        public Map<String, String> start() {
            if (System.getenv("DB_URL") != null && !System.getenv("DB_URL").isBlank()) {
                return super.start();
            }
            return Map.of("quarkus.datasource.jdbc.url", dev.steward.platform.devdb.EmbeddedDatabase.jdbcUrl(Path.of("target"), "fuzz"),
                    "quarkus.datasource.username", dev.steward.platform.devdb.EmbeddedDatabase.USER,
                    "quarkus.datasource.password", dev.steward.platform.devdb.EmbeddedDatabase.PASSWORD);
        }
    }
}
