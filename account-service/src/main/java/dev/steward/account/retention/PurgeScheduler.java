package dev.steward.account.retention;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The daily purge as a db-scheduler recurring task on PostgreSQL: the task row in
 * {@code scheduled_tasks} is picked by exactly one replica per execution (optimistic lock on the
 * row), and survives restarts; no hand-rolled poller, no leader election.
 */
@ApplicationScoped
public class PurgeScheduler {

    private static final Logger LOG = Logger.getLogger(PurgeScheduler.class);
    public static final String TASK = "retention-purge";

    private final AgroalDataSource db;
    private final PurgeService purge;
    private final RetentionConfig config;
    private Scheduler scheduler;

    public PurgeScheduler(AgroalDataSource db, PurgeService purge, RetentionConfig config) {
        this.db = db;
        this.purge = purge;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.schedulerEnabled()) {
            return;
        }
        RecurringTask<Void> task = Tasks.recurring(TASK, Schedules.daily(config.purgeTime()))
                .execute((instance, context) -> {
                    try {
                        purge.purge("SCHEDULED");
                    } catch (Exception e) {
                        throw new IllegalStateException("scheduled purge failed: " + e.getMessage());
                    }
                });
        scheduler = Scheduler.create(db).startTasks(task).threads(1)
                .pollingInterval(Duration.ofSeconds(30)).build();
        scheduler.start();
        LOG.infof("Daily retention purge scheduled at %s UTC (db-scheduler)", config.purgeTime());
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.stop();
        }
    }
}
