package dev.steward.request.verification;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.steward.request.lifecycle.Lifecycle;
import dev.steward.request.lifecycle.Manner;
import dev.steward.request.lifecycle.Request;
import dev.steward.request.lifecycle.RequestStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A public request left PENDING_VERIFICATION longer than {@code expire-after} (7 days) becomes EXPIRED.
 * A durable recurring db-scheduler task ({@code expire-unverified}): one replica runs it per interval,
 * and a run missed while no replica was up happens at the next start. Requests pending an officer's
 * approval (a customer's erasure) are not the requester's to verify and never expire here.
 */
@ApplicationScoped
public class UnverifiedExpiry {

    private static final Logger LOG = Logger.getLogger(UnverifiedExpiry.class);
    public static final String NAME = "expire-unverified";
    private static final int BATCH = 500;

    private final Lifecycle lifecycle;
    private final PrivacyCenterSettings settings;
    private final Clock clock;

    public UnverifiedExpiry(Lifecycle lifecycle, PrivacyCenterSettings settings, Clock clock) {
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.clock = clock;
    }

    @Produces
    @Singleton
    RecurringTask<Void> task() {
        return Tasks.recurring(NAME, FixedDelay.of(settings.sweepInterval())).execute((instance, ctx) -> sweep());
    }

    /** Expires every request due to expire now, in batches; answers how many. */
    @ActivateRequestContext
    public int sweep() {
        int total = 0;
        while (true) {
            int n = QuarkusTransaction.requiringNew().call(this::batch);
            total += n;
            if (n < BATCH) {
                break;
            }
        }
        if (total > 0) {
            LOG.infof("%d unverified public requests expired", total);
        }
        return total;
    }

    private int batch() {
        Instant cutoff = clock.instant().minus(settings.expireAfter());
        List<Request> due = Request.<Request>find("status = ?1 and manner = ?2 and receivedAt < ?3",
                        RequestStatus.PENDING_VERIFICATION, Manner.PUBLIC, cutoff)
                .withLock(LockModeType.PESSIMISTIC_WRITE).page(0, BATCH).list();
        for (Request r : due) {
            VerificationCode.delete("requestId", r.id);
            lifecycle.move(r, RequestStatus.EXPIRED, Lifecycle.SYSTEM, null,
                    "expired: the requester did not verify their e-mail address within " + settings.expireAfter().toDays() + " days");
        }
        return due.size();
    }
}
