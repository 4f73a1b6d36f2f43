package dev.steward.request.peer;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Sorts a peer's error answers: a 4xx is an answer about this call (not retried, does not open
 * the circuit), a 5xx means the peer is not well (retried, counts towards the circuit breaker).
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
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
