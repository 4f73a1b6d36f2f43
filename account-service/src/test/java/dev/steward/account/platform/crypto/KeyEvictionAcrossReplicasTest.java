package dev.steward.account.platform.crypto;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.account.enduser.EndUserResourceTest;
import dev.steward.account.support.Db;
import dev.steward.platform.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 2: a second replica's data-key cache (its own SubjectKeys and SubjectKeyListener, on
 * its own connection to the same database) forgets a key the moment an erasure through the first
 * replica commits, and caches nothing while it cannot hear the announcements.
 */
@QuarkusTest
class KeyEvictionAcrossReplicasTest {

    @Inject
    AgroalDataSource db;

    @Inject
    SubjectKeys keys;

    @Inject
    CryptoConfig config;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Test
    void anErasureThroughOneReplicaEvictsTheKeyFromTheOther() throws Exception {
        String org = EndUserResourceTest.newOrg("replicas");
        EndUserResourceTest.write(org, EndUserResourceTest.record("e1", "e1@example.com"), EndUserResourceTest.record("e2", "e2@example.com"));
        long erased = Db.count(db, "select id from subject where org = ? and ext_id = 'e1'", org);
        long kept = Db.count(db, "select id from subject where org = ? and ext_id = 'e2'", org);

        SubjectKeys second = new SubjectKeys(config);
        SubjectKeyListener listener = new SubjectKeyListener(second, url, user, password, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        listener.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(second::caching);
            try (Connection c = db.getConnection()) {
                second.getAll(c, List.of(erased, kept));
            }
            assertTrue(second.isCached(erased) && second.isCached(kept), "the second replica has both keys in memory");

            given().auth().oauth2(Tokens.service("request-service")).contentType(ContentType.JSON)
                    .body("{\"requestId\":\"replicas-" + org + "\"}").post("/internal/subjects/" + org + "/END_USER/e1/erasure")
                    .then().statusCode(200);
            long acknowledged = System.nanoTime();
            assertFalse(keys.isCached(erased), "the replica that erased forgot the key before answering");
            Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(2)).until(() -> !second.isCached(erased));
            System.out.printf("KeyEvictionAcrossReplicasTest: the second replica forgot the key %.1f ms after the erasure was acknowledged%n",
                    (System.nanoTime() - acknowledged) / 1e6);
            assertTrue(second.isCached(kept), "only the erased subject's key is evicted");

            // no listener, no cache: a replica that cannot hear evictions reads every key from the database
            listener.stop();
            assertFalse(second.caching());
            try (Connection c = db.getConnection()) {
                second.getAll(c, List.of(kept));
            }
            assertFalse(second.isCached(kept));
        } finally {
            listener.stop();
        }
    }
}
