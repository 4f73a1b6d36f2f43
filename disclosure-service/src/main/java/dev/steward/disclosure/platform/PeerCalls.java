package dev.steward.disclosure.platform;

import dev.steward.platform.peer.PeerErrors;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * {@code steward.peer.calls} (METRICS.md): every outgoing call, timed, tagged with the peer
 * (account | client-callback) and its outcome (success | client-error | server-error | unavailable).
 */
@ApplicationScoped
public class PeerCalls {

    public static final String ACCOUNT = "account";
    public static final String CLIENT_CALLBACK = "client-callback";

    private final MeterRegistry registry;

    public PeerCalls(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Times a call through a REST client: a 4xx answer is client-error, a 5xx server-error, no answer unavailable. */
    public <T> T call(String peer, Supplier<T> call) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "unavailable";
        try {
            T result = call.get();
            outcome = "success";
            return result;
        } catch (PeerErrors.Rejected e) {
            outcome = "client-error";
            throw e;
        } catch (PeerErrors.Unavailable e) {
            outcome = e.getResponse() != null && e.getResponse().getStatus() >= 500 ? "server-error" : "unavailable";
            throw e;
        } finally {
            sample.stop(timer(peer, outcome));
        }
    }

    /** Records a call timed elsewhere (a plain HTTP call), classified by its status; a negative status: no answer. */
    public void record(String peer, Timer.Sample sample, int status) {
        sample.stop(timer(peer, status < 0 ? "unavailable" : status >= 500 ? "server-error"
                : status >= 400 ? "client-error" : "success"));
    }

    public Timer.Sample start() {
        return Timer.start(registry);
    }

    private Timer timer(String peer, String outcome) {
        return Timer.builder("steward.peer.calls").description("Calls to other services and Clients' callback URLs")
                .tag("peer", peer).tag("outcome", outcome).register(registry);
    }
}
