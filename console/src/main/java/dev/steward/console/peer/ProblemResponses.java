package dev.steward.console.peer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns a peer's error answer into {@link PeerRefused} (4xx, with its problem) or
 * {@link PeerUnavailable} (5xx). Registered on every peer client.
 */
public class ProblemResponses implements ResponseExceptionMapper<RuntimeException> {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public RuntimeException toThrowable(Response response) {
        int status = response.getStatus();
        if (status >= 500) {
            return new PeerUnavailable("a Steward service (HTTP " + status + ")", null);
        }
        return new PeerRefused(read(response, status), document(response), retryAfter(response));
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    private static JsonNode document(Response response) {
        try {
            String body = response.readEntity(String.class);
            return body != null && body.startsWith("{") ? JSON.readTree(body) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Retry-After in seconds (the services send seconds; an HTTP date is not used by them). */
    private static Long retryAfter(Response response) {
        String value = response.getHeaderString("Retry-After");
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Problem read(Response response, int status) {
        try {
            response.bufferEntity();
            String body = response.readEntity(String.class);
            if (body != null && body.startsWith("{")) {
                Problem p = JSON.readValue(body, Problem.class);
                return new Problem(p.type(), p.title(), status, p.detail(), p.errors());
            }
        } catch (IOException | RuntimeException e) {
            // not a problem document: fall through to a plain one built from the status
        }
        return new Problem(null, switch (status) {
            case 401 -> "Your session has ended: sign in again";
            case 403 -> "Not allowed for your role";
            case 404 -> "Not found";
            default -> "The service refused the request (HTTP " + status + ")";
        }, status, null, null);
    }
}
