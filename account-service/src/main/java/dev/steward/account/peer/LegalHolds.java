package dev.steward.account.peer;

import dev.steward.platform.peer.PeerErrors;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.subject.SubjectRef;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** Asks disclosure-service whether a subject (or its whole org) is on a legal hold; never guesses "no". */
@Startup // its meters are registered at start, so each series exists (at 0) before its first event
@ApplicationScoped
public class LegalHolds {

    private static final Logger LOG = Logger.getLogger(LegalHolds.class);

    /** The {@code outcome} tag's closed set (METRICS.md). */
    static final String SUCCESS = "success", CLIENT_ERROR = "client-error", SERVER_ERROR = "server-error",
            UNAVAILABLE = "unavailable";

    private final HoldsClient client;
    private final Map<String, Timer> calls;

    public LegalHolds(@RestClient HoldsClient client, MeterRegistry registry) {
        this.client = client;
        this.calls = Map.of(SUCCESS, timer(registry, SUCCESS), CLIENT_ERROR, timer(registry, CLIENT_ERROR),
                SERVER_ERROR, timer(registry, SERVER_ERROR), UNAVAILABLE, timer(registry, UNAVAILABLE));
    }

    /** {@code steward.peer.calls{peer=disclosure,outcome}}: each call as the caller saw it, retries included. */
    private static Timer timer(MeterRegistry registry, String outcome) {
        return Timer.builder("steward.peer.calls").tag("peer", "disclosure").tag("outcome", outcome)
                .description("Calls to peer services, by peer and outcome").register(registry);
    }

    public HoldsClient.Holds of(SubjectRef ref) {
        long started = System.nanoTime();
        try {
            HoldsClient.Holds holds = client.active(ref.org(), ref.kind().name(), ref.id());
            calls.get(SUCCESS).record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            return holds.holds() == null ? new HoldsClient.Holds(holds.held(), java.util.List.of()) : holds;
        } catch (RuntimeException e) {
            String outcome = e instanceof PeerErrors.Rejected ? CLIENT_ERROR
                    : e instanceof PeerErrors.Unavailable ? SERVER_ERROR : UNAVAILABLE;
            calls.get(outcome).record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            LOG.warnf("Legal holds could not be checked: %s", e.getClass().getSimpleName());
            throw new ProblemException(Problem.of(503, "holds-unavailable", "Legal holds unavailable",
                    "disclosure-service could not be asked about legal holds; nothing was erased. Retry later."));
        }
    }
}
