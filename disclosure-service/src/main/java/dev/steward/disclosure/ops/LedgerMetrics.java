package dev.steward.disclosure.ops;

import dev.steward.disclosure.hold.ActiveHoldCount;
import dev.steward.disclosure.ledger.Checkpoints;
import dev.steward.disclosure.ledger.LedgerVerifier;
import dev.steward.disclosure.ledger.Verification;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.jboss.logging.Logger;

/**
 * The ledger's health in Prometheus (METRICS.md): {@code steward.ledger.entries} (tree size),
 * {@code steward.ledger.verification.last.run} / {@code .last.success} (epoch seconds) and
 * {@code .ok} (1 verified, 0 not) from the service's own scheduled re-verification of the whole
 * ledger (LEDGER_VERIFY_EVERY, and once at start), {@code steward.ledger.checkpoint.age} (seconds
 * since the newest signed checkpoint) and {@code steward.legal.holds.active}.
 */
@ApplicationScoped
public class LedgerMetrics {

    private static final Logger LOG = Logger.getLogger(LedgerMetrics.class);

    private final LedgerVerifier verifier;
    private final Checkpoints checkpoints;
    private final ActiveHoldCount holds;
    private final MeterRegistry registry;
    private final Clock clock;
    private final AtomicLong lastRun = new AtomicLong();
    private final AtomicLong lastSuccess = new AtomicLong();
    private final AtomicLong ok = new AtomicLong();

    public LedgerMetrics(LedgerVerifier verifier, Checkpoints checkpoints, ActiveHoldCount holds, MeterRegistry registry,
                         Clock clock) {
        this.verifier = verifier;
        this.checkpoints = checkpoints;
        this.holds = holds;
        this.registry = registry;
        this.clock = clock;
    }

    void register(@Observes StartupEvent event) {
        gauge("steward.ledger.entries", "Entries in the ledger (the Merkle tree's size)", LedgerMetrics::entries);
        gauge("steward.ledger.verification.last.run", "When the ledger was last re-verified (epoch seconds)",
                m -> m.lastRun.get());
        gauge("steward.ledger.verification.last.success", "When the ledger last verified (epoch seconds)",
                m -> m.lastSuccess.get());
        gauge("steward.ledger.verification.ok", "1 when the last re-verification found the ledger intact, else 0",
                m -> m.ok.get());
        gauge("steward.ledger.checkpoint.age", "Seconds since the newest signed checkpoint (-1: none yet)",
                LedgerMetrics::checkpointAge);
        gauge("steward.legal.holds.active", "Legal holds placed and not released", m -> m.holds.count());
    }

    private void gauge(String name, String description, ToDoubleFunction<LedgerMetrics> value) {
        Gauge.builder(name, this, value).strongReference(true).description(description).register(registry);
    }

    /** Re-verifies the whole ledger; the first run is one second after start. */
    @Scheduled(every = "${steward.ledger.verify-every}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        verifyNow();
    }

    /** Re-verifies the whole ledger now and sets the gauges; null when it could not run. */
    @ActivateRequestContext
    public Verification verifyNow() {
        Instant started = clock.instant();
        try {
            Verification v = verifier.verify(null, null, null);
            lastRun.set(started.getEpochSecond());
            ok.set(v.valid() ? 1 : 0);
            if (v.valid()) {
                lastSuccess.set(started.getEpochSecond());
            } else {
                LOG.errorf("Ledger does NOT verify: first broken entry %d (%s)", v.firstBroken(), v.problem());
            }
            return v;
        } catch (SQLException | RuntimeException e) {
            lastRun.set(started.getEpochSecond());
            ok.set(0);
            LOG.error("Ledger re-verification could not run", e);
            return null;
        }
    }

    private double entries() {
        try {
            return verifier.head().size();
        } catch (SQLException e) {
            return Double.NaN;
        }
    }

    private double checkpointAge() {
        return QuarkusTransaction.requiringNew().call(() -> checkpoints.latestSignedAt()
                .map(at -> (double) (clock.instant().getEpochSecond() - at.getEpochSecond())).orElse(-1.0));
    }
}
