package dev.steward.request.routing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a Client does with a callback: verify the signature over the exact body it received. */
class CallbackVerifierTest {

    private static final String SECRET = "whsec-acme-1";
    private static final String BODY = "{\"api_version\":\"1.0\",\"subject_request_id\":\"r-1\",\"subject_request_type\":\"erasure\"}";

    @Test
    void aClientVerifiesAGenuineCallback() {
        Instant now = Instant.now();
        String header = CallbackVerifier.header(SECRET, now.getEpochSecond(), BODY);
        assertTrue(new CallbackVerifier(SECRET).verify(header, BODY, now));
        assertTrue(new CallbackVerifier(SECRET).verify(header, BODY, now.plusSeconds(299)));
    }

    @Test
    void aTamperedBodyFails() {
        Instant now = Instant.now();
        String header = CallbackVerifier.header(SECRET, now.getEpochSecond(), BODY);
        assertFalse(new CallbackVerifier(SECRET).verify(header, BODY.replace("erasure", "access"), now));
    }

    @Test
    void anOldTimestampFails() {
        Instant now = Instant.now();
        String header = CallbackVerifier.header(SECRET, now.minusSeconds(600).getEpochSecond(), BODY);
        assertFalse(new CallbackVerifier(SECRET).verify(header, BODY, now), "a replay ten minutes later");
    }

    @Test
    void anotherSecretOrAForgedHeaderFails() {
        Instant now = Instant.now();
        String header = CallbackVerifier.header("someone-else", now.getEpochSecond(), BODY);
        assertFalse(new CallbackVerifier(SECRET).verify(header, BODY, now));
        // moving the timestamp without re-signing breaks the signature
        String genuine = CallbackVerifier.header(SECRET, now.minusSeconds(600).getEpochSecond(), BODY);
        String moved = genuine.replaceFirst("t=\\d+", "t=" + now.getEpochSecond());
        assertFalse(new CallbackVerifier(SECRET).verify(moved, BODY, now));
        assertFalse(new CallbackVerifier(SECRET).verify("v1=abc", BODY, now));
        assertFalse(new CallbackVerifier(SECRET).verify(null, BODY, now));
    }
}
