package dev.steward.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.steward.platform.devdb.EmbeddedDatabase;
import dev.steward.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 6: the export streams with bounded memory. The packaged application runs with a
 * 64 MB heap ({@code quarkus.test.arg-line} in the pom, {@code -XX:+ExitOnOutOfMemoryError}); a
 * subject with 100,000 access-log entries of ~1.1 kB each (a ~120 MB export, more than the whole
 * heap) is exported completely, and the application is still alive afterwards. An export that
 * collected its rows in memory would die half-way.
 */
@QuarkusIntegrationTest
@TestProfile(AccountServiceIT.PackagedApp.class)
class ExportMemoryIT {

    private static final int ITEMS = 100_000;

    @Test
    void aHundredThousandItemsStreamThroughA64MegabyteHeap() throws Exception {
        String id = "mem-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = connect()) {
            try (PreparedStatement ps = c.prepareStatement("insert into access_log (org, kind, subject_id, ip, at, "
                    + "duration_ms, user_agent, path) select 'steward', 'ACCOUNT', ?, '203.0.113.' || (g % 250), "
                    + "now() - g * interval '1 second', g, 'Mozilla/5.0 ' || repeat('M', 980), '/page/' || g "
                    + "from generate_series(1, ?) g")) {
                ps.setString(1, id);
                ps.setInt(2, ITEMS);
                assertEquals(ITEMS, ps.executeUpdate());
            }
        }
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(baseUrl() + "/internal/subjects/steward/ACCOUNT/" + id + "/export"))
                    .header("Authorization", Tokens.bearer(Tokens.service("request-service"))).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            Map<String, Integer> items = new HashMap<>();
            long bytes;
            try (InputStream body = response.body();
                 JsonParser p = new JsonFactory().createParser(body)) {
                String section = null;
                int depth = 0;
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    if (t == JsonToken.START_ARRAY && depth == 1) {
                        section = p.currentName();
                    } else if (t == JsonToken.START_OBJECT && depth == 2 && section != null) {
                        items.merge(section, 1, Integer::sum);
                    } else if (t == JsonToken.FIELD_NAME && depth == 3 && "accessLogs".equals(section)
                            && p.currentName().equals("retention")) {
                        p.nextToken();
                        assertFalse(p.getText().isBlank());
                        continue;
                    }
                    if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                        depth++;
                    } else if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
                        depth--;
                    }
                }
                bytes = p.currentLocation().getByteOffset();
            }
            assertEquals(ITEMS, items.get("accessLogs"));
            assertTrue(bytes > 100L * 1024 * 1024, "the export is larger than the application's heap: " + bytes + " bytes");
            // still alive: -XX:+ExitOnOutOfMemoryError would have ended the process
            given().get("/q/health/live").then().statusCode(200);
            System.out.printf("ExportMemoryIT: %d access-log items, %d bytes streamed; test JVM %s%n", ITEMS, bytes,
                    ManagementFactory.getRuntimeMXBean().getName());
        } finally {
            try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("delete from access_log where subject_id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
        }
    }

    private static String baseUrl() {
        return io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
    }

    /** The same PostgreSQL the packaged application was given (PostgresResource). */
    private static Connection connect() throws SQLException {
        String url = System.getenv("DB_URL");
        if (url != null && !url.isBlank()) {
            return DriverManager.getConnection(url, env("DB_USER", "postgres"), env("DB_PASSWORD", ""));
        }
        return DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(Path.of("target"), "steward"),
                EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
