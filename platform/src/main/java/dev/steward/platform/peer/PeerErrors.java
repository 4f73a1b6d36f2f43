package dev.steward.platform.peer;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Sorts a peer's error answers for the one peer-client convention every service follows:
 * a 4xx is an answer about this call ({@link Rejected}: never retried, does not open the circuit),
 * a 5xx means the peer is not well ({@link Unavailable}: retried, counts towards the breaker).
 * Each REST client registers it with {@code @RegisterProvider(PeerErrors.class)} and declares,
 * once at interface level:
 * <pre>
 * &#64;Timeout(5000)
 * &#64;Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {ProcessingException.class, PeerErrors.Unavailable.class, TimeoutException.class})
 * &#64;CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = PeerErrors.Rejected.class)
 * </pre>
 * with per-method exceptions (a longer timeout for an export) in application.properties
 * ({@code <interface>/<method>/Timeout/value}).
 */
public class PeerErrors implements ResponseExceptionMapper<WebApplicationException> {

    /** The peer answered 4xx: asking again will not help. */
    public static class Rejected extends WebApplicationException {
        public Rejected(Response response) {
            super("peer answered " + response.getStatus(), null, response);
        }

        public boolean notFound() {
            return getResponse().getStatus() == 404;
        }
    }

    /** The peer answered 5xx: it may recover. */
    public static class Unavailable extends WebApplicationException {
        public Unavailable(Response response) {
            super("peer answered " + response.getStatus(), null, response);
        }
    }

    @Override
    public WebApplicationException toThrowable(Response response) {
        return response.getStatus() >= 500 ? new Unavailable(response) : new Rejected(response);
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
