package dev.steward.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.steward.account.enduser.EndUserResourceTest;
import dev.steward.account.support.Db;
import dev.steward.platform.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A failure half-way through a transactional path leaves nothing behind: the database itself is made
 * to fail (a trigger) after the path has already written rows in the same transaction.
 */
@QuarkusTest
class TransactionRollbackTest {

    @Inject
    AgroalDataSource db;

    @Test
    void anIngestThatFailsAfterItsFirstInsertsStoresNothing() {
        String org = EndUserResourceTest.newOrg("halfway");
        // subjects, data keys and fields (COPY) are written before the records; the records then fail
        failOn("end_user_record", "insert", org);
        try {
            given().auth().oauth2(Tokens.clientAdmin("admin-" + org, org)).contentType(ContentType.JSON)
                    .body("{\"records\":[" + EndUserResourceTest.record("a", "a@example.com") + ","
                            + EndUserResourceTest.record("b", "b@example.com") + "]}")
                    .post("/orgs/" + org + "/end-users").then().statusCode(500);
        } finally {
            dropFailure("end_user_record");
        }
        assertEquals(0, Db.count(db, "select count(*) from subject where org = ?", org));
        assertEquals(0, Db.count(db, "select count(*) from personal_field f join subject s on s.id = f.subject_id where s.org = ?", org));
        assertEquals(0, Db.count(db, "select count(*) from end_user_record where org = ?", org));
    }

    @Test
    void anOrgErasureThatFailsAtItsLastDeleteErasesNothing() {
        String org = EndUserResourceTest.newOrg("halfway");
        EndUserResourceTest.write(org, EndUserResourceTest.record("a", "a@example.com"));
        // fields, records and keys are deleted before the subjects; deleting the subjects then fails
        failOn("subject", "delete", org);
        try {
            given().auth().oauth2(Tokens.service("request-service")).contentType(ContentType.JSON)
                    .body("{\"requestId\":\"halfway-" + org + "\"}")
                    .post("/internal/orgs/" + org + "/erasure").then().statusCode(500);
        } finally {
            dropFailure("subject");
        }
        assertEquals(3, Db.count(db, "select count(*) from personal_field f join subject s on s.id = f.subject_id where s.org = ?", org));
        assertEquals(1, Db.count(db, "select count(*) from subject_key k join subject s on s.id = k.subject_id where s.org = ?", org));
        assertEquals(1, Db.count(db, "select count(*) from end_user_record where org = ?", org));
    }

    private void failOn(String table, String operation, String org) {
        String row = operation.equals("delete") ? "old" : "new";
        Db.exec(db, "create or replace function halfway_failure() returns trigger language plpgsql as $$ begin "
                + "if " + row + ".org = '" + org + "' then raise exception 'injected failure half-way'; end if; "
                + "return " + row + "; end $$");
        Db.exec(db, "create trigger halfway_failure before " + operation + " on " + table
                + " for each row execute function halfway_failure()");
    }

    private void dropFailure(String table) {
        Db.exec(db, "drop trigger if exists halfway_failure on " + table);
    }
}
