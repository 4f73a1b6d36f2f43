package dev.steward.request.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a Client does with a callback: verify the signature over the exact body it received. */
class CallbackVerifierTest {

    private static final String SECRET = "whsec-acme-1";
    private static final String DELIVERY = "6f1c2a0e-3b7d-4c1e-9a55-0d2b8e7f4a10";
    private static final String BODY = "{\"api_version\":\"1.0\",\"subject_request_id\":\"r-1\",\"subject_request_type\":\"erasure\"}";

    @Test
    void aClientVerifiesAGenuineCallback() {
        Instant now = Instant.now();
        String header = CallbackVerifier.header(SECRET, now.getEpochSecond(), DELIVERY, BODY);
        assertTrue(new CallbackVerifier(SECRET).verify(header, BODY, now));
        assertTrue(new CallbackVerifier(SECRET).verify(header, BODY, now.plusSeconds(299)));
    }

    @Test
    void aTamperedBodyFails() {
        Instant now = Instant.now();
        String header = CallbackVerifier.header(SECRET, now.getEpochSecond(), DELIVERY, BODY);
        assertFalse(new CallbackVerifier(SECRET).verify(header, BODY.replace("erasure", "access"), now));
    }

    @Test
    void anOldTimestampFails() {
        Instant now = Instant.now();
        String header = CallbackVerifier.header(SECRET, now.minusSeconds(600).getEpochSecond(), DELIVERY, BODY);
        assertFalse(new CallbackVerifier(SECRET).verify(header, BODY, now), "a replay ten minutes later");
    }

    @Test
    void anotherSecretOrAForgedHeaderFails() {
        Instant now = Instant.now();
        String header = CallbackVerifier.header("someone-else", now.getEpochSecond(), DELIVERY, BODY);
        assertFalse(new CallbackVerifier(SECRET).verify(header, BODY, now));
        // moving the timestamp without re-signing breaks the signature
        String genuine = CallbackVerifier.header(SECRET, now.minusSeconds(600).getEpochSecond(), DELIVERY, BODY);
        String moved = genuine.replaceFirst("t=\\d+", "t=" + now.getEpochSecond());
        assertFalse(new CallbackVerifier(SECRET).verify(moved, BODY, now));
        assertFalse(new CallbackVerifier(SECRET).verify("v1=abc", BODY, now));
        assertFalse(new CallbackVerifier(SECRET).verify(null, BODY, now));
    }

    @Test
    void aDeliveryIsProcessedOnceAndItsReplaysAreRecognised() {
        Instant now = Instant.now();
        CallbackVerifier verifier = new CallbackVerifier(SECRET);
        String first = CallbackVerifier.header(SECRET, now.getEpochSecond(), DELIVERY, BODY);
        assertEquals(CallbackVerifier.Verdict.NEW, verifier.accept(first, DELIVERY, BODY, now));
        assertEquals(CallbackVerifier.Verdict.DUPLICATE, verifier.accept(first, DELIVERY, BODY, now.plusSeconds(60)),
                "a replay inside the window");
        // a retry of the same delivery is signed afresh but keeps its id
        String retry = CallbackVerifier.header(SECRET, now.plusSeconds(30).getEpochSecond(), DELIVERY, BODY);
        assertEquals(CallbackVerifier.Verdict.DUPLICATE, verifier.accept(retry, DELIVERY, BODY, now.plusSeconds(30)));
        // a new event is a new delivery
        String other = "0b4e9d7c-1111-4a2b-8c3d-5e6f7a8b9c0d";
        assertEquals(CallbackVerifier.Verdict.NEW, verifier.accept(
                CallbackVerifier.header(SECRET, now.getEpochSecond(), other, BODY), other, BODY, now));
    }

    @Test
    void theDeliveryIdIsBoundByTheSignature() {
        Instant now = Instant.now();
        CallbackVerifier verifier = new CallbackVerifier(SECRET);
        String header = CallbackVerifier.header(SECRET, now.getEpochSecond(), DELIVERY, BODY);
        assertEquals(CallbackVerifier.Verdict.INVALID, verifier.accept(header, "another-id", BODY, now),
                "a replay under a made-up delivery id");
        assertEquals(CallbackVerifier.Verdict.INVALID, verifier.accept(header, DELIVERY, BODY.replace("r-1", "r-2"), now));
        assertEquals(CallbackVerifier.Verdict.INVALID, verifier.accept(header, null, BODY, now));
        String v1Only = header.substring(0, header.indexOf(",v2="));
        assertEquals(CallbackVerifier.Verdict.INVALID, verifier.accept(v1Only, DELIVERY, BODY, now));
        assertEquals(CallbackVerifier.Verdict.INVALID, verifier.accept(
                CallbackVerifier.header(SECRET, now.minusSeconds(600).getEpochSecond(), DELIVERY, BODY), DELIVERY, BODY, now));
    }
}
