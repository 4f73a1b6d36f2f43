package dev.steward.account.platform.crypto;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.steward.account.enduser.EndUserResourceTest;
import dev.steward.account.rotation.KeyRotation;
import dev.steward.account.support.Db;
import dev.steward.platform.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class KeyRotationTest {

    @Inject
    AgroalDataSource db;

    @Inject
    SubjectKeys keys;

    @Inject
    KeyRotation rotation;

    @ConfigProperty(name = "steward.crypto.master-key")
    String masterKey;

    @Test
    void rotationRewrapsEveryDataKeySoTheOldMasterKeyCanBeDropped() throws Exception {
        String org = EndUserResourceTest.newOrg("rot");
        EndUserResourceTest.write(org, EndUserResourceTest.record("r1", "r1@example.com"));
        given().auth().oauth2(Tokens.clientAdmin("rob", org)).contentType(ContentType.JSON)
                .body("{\"callbackSecret\":\"0123456789abcdef-secret\"}").patch("/orgs/" + org).then().statusCode(200);
        long subjectId = Db.count(db, "select id from subject where org = ? and ext_id = 'r1'", org);

        // the operator deploys a keyset with a new primary beside the old key ...
        KeysetHandle old = MasterKey.parse(masterKey);
        KeysetHandle both = KeysetHandle.newBuilder(old)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary())
                .build();
        MasterKey next = MasterKey.of(both);
        // ... and rotates: every data key and callback secret is re-wrapped under the new primary
        KeyRotation.Rotation r = rotation.rotate(keys.master(), next);
        assertTrue(r.dataKeysRewrapped() >= 1);
        assertTrue(r.secretsResealed() >= 1);
        assertEquals(0, Db.count(db, "select count(*) from subject_key where key_version <> ?", next.version()));

        // the new key alone (old one removed from the keyset) opens the data key and the field
        KeysetHandle onlyNew = KeysetHandle.newBuilder().addEntry(
                KeysetHandle.importKey(both.getPrimary().getKey()).withFixedId(both.getPrimary().getId()).makePrimary()).build();
        MasterKey newOnly = MasterKey.of(onlyNew);
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select k.wrapped, f.value_ct from subject_key k join personal_field f "
                     + "on f.subject_id = k.subject_id where k.subject_id = ? and f.name = 'email'")) {
            ps.setLong(1, subjectId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                var aead = newOnly.unwrap(rs.getBytes(1), subjectId);
                assertEquals("r1@example.com", SubjectKeys.decrypt(aead, subjectId, "email", rs.getBytes(2)));
                // and the old key alone no longer can
                MasterKey oldOnly = MasterKey.of(old);
                byte[] wrapped = rs.getBytes(1);
                assertThrows(Exception.class, () -> oldOnly.unwrap(wrapped, subjectId));
            }
        }
        // a second run has nothing left to do; put the configured key back for the other tests
        assertEquals(0, rotation.rotate(next, next).dataKeysRewrapped());
        assertTrue(rotation.rotate(next, MasterKey.of(old)).dataKeysRewrapped() >= 1);
        keys.evictAll();
        given().auth().oauth2(Tokens.clientAdmin("rob", org)).get("/orgs/" + org + "/end-users/r1").then().statusCode(200)
                .body("attributes.find { it.name == 'email' }.value", equalTo("r1@example.com"));
        given().auth().oauth2(Tokens.service("request-service")).get("/internal/orgs/" + org).then()
                .body("callbackSecret", equalTo("0123456789abcdef-secret"));
        given().auth().oauth2(Tokens.officer("olivia")).get("/crypto/keys").then().statusCode(200)
                .body("masterKeyVersion", equalTo(keys.master().version()));
        given().auth().oauth2(Tokens.officer("olivia")).post("/crypto/rotations").then().statusCode(200)
                .body("dataKeysRewrapped", equalTo(0));
        given().auth().oauth2(Tokens.customer("c")).post("/crypto/rotations").then().statusCode(403);
    }
}
