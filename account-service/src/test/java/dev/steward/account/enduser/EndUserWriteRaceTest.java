package dev.steward.account.enduser;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.steward.account.support.Db;
import dev.steward.account.support.Race;
import dev.steward.platform.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 3: identical end-user batches sent at the same moment used to collide on
 * personal_field's primary key (500). Writes of one record now serialise on the subject's row:
 * every call succeeds and the record ends up written once.
 */
@QuarkusTest
class EndUserWriteRaceTest {

    private static final int RACERS = 8;
    private static final int ROUNDS = 5;

    @Inject
    AgroalDataSource db;

    @Test
    void eightIdenticalConcurrentWritesAllSucceedAndStoreTheRecordOnce() throws Exception {
        String org = EndUserResourceTest.newOrg("race");
        String token = Tokens.clientAdmin("admin-" + org, org);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            // a fresh subject (created by the race) and one that already exists (rewritten by it)
            String body = "{\"records\":[" + EndUserResourceTest.record("new-" + round, "n" + round + "@example.com") + ","
                    + EndUserResourceTest.record("same", "same" + round + "@example.com") + "]}";
            Race.of(RACERS, () -> given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .post("/orgs/" + org + "/end-users").statusCode()).forEach((status, n) -> statuses.merge(status, n, Integer::sum));
            assertEquals(3, Db.count(db, "select count(*) from personal_field f join subject s on s.id = f.subject_id "
                    + "where s.org = ? and s.ext_id = ?", org, "new-" + round));
        }
        assertEquals(Map.of(200, RACERS * ROUNDS), statuses, "status -> calls");
        assertEquals(ROUNDS + 1, Db.count(db, "select count(*) from end_user_record where org = ?", org));
        assertEquals(ROUNDS + 1, Db.count(db, "select count(*) from subject_key k join subject s on s.id = k.subject_id where s.org = ?", org));
    }
}
