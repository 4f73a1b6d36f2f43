package dev.steward.platform.peer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code steward.peer.calls}: a timer per peer (account, disclosure, client-callback) and outcome
 * (success, client-error, server-error, unavailable) around each call this service makes, its client's
 * retries included (one sample per call the code makes). Tags are closed sets: never an id or a subject.
 */
@ApplicationScoped
public class PeerCallMetrics {

    public static final String METRIC = "steward.peer.calls";
    public static final String ACCOUNT = "account";
    public static final String DISCLOSURE = "disclosure";
    public static final String CLIENT_CALLBACK = "client-callback";

    private final MeterRegistry registry;

    public PeerCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs one call of a peer client, timed. */
    public <T> T time(String peer, Supplier<T> call) {
        long start = System.nanoTime();
        String outcome = "unavailable"; // no answer: connection refused, timeout, open circuit breaker
        try {
            T result = call.get();
            outcome = "success";
            return result;
        } catch (PeerErrors.Rejected e) {
            outcome = "client-error";
            throw e;
        } catch (WebApplicationException e) {
            outcome = outcome(e.getResponse() == null ? -1 : e.getResponse().getStatus());
            throw e;
        } finally {
            record(peer, outcome, System.nanoTime() - start);
        }
    }

    /** The outcome of an HTTP status; -1 (no answer) is unavailable. */
    public static String outcome(int status) {
        if (status >= 200 && status < 400) {
            return "success";
        }
        if (status >= 400 && status < 500) {
            return "client-error";
        }
        return status >= 500 ? "server-error" : "unavailable";
    }

    public void record(String peer, String outcome, long nanos) {
        Timer.builder(METRIC).tag("peer", peer).tag("outcome", outcome)
                .description("Calls this service makes to its peers and to Clients' callback URLs")
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }
}
