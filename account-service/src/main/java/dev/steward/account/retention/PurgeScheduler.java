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
import java.time.LocalTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
    private final boolean enabled;
    private final String time;
    private Scheduler scheduler;

    public PurgeScheduler(AgroalDataSource db, PurgeService purge,
                          @ConfigProperty(name = "steward.retention.scheduler-enabled", defaultValue = "true") boolean enabled,
                          @ConfigProperty(name = "steward.retention.purge-time", defaultValue = "03:00") String time) {
        this.db = db;
        this.purge = purge;
        this.enabled = enabled;
        this.time = time;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        RecurringTask<Void> task = Tasks.recurring(TASK, Schedules.daily(LocalTime.parse(time)))
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
        LOG.infof("Daily retention purge scheduled at %s UTC (db-scheduler)", time);
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.stop();
        }
    }
}
