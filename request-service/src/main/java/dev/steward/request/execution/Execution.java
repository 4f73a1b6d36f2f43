package dev.steward.request.execution;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.Task;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Durable execution on db-scheduler, in this service's own database (table scheduled_tasks,
 * created by Flyway). It runs every {@link Task} bean; each capability defines its own tasks.
 * db-scheduler works on the Agroal DataSource itself: inside a JTA transaction Agroal hands it the
 * transaction's connection, which db-scheduler leaves to the transaction (its default
 * {@code commitWhenAutocommitDisabled(false)}), so a state change and the task it schedules commit
 * or roll back together. A picked task whose scheduler died is revived by db-scheduler's
 * dead-execution detection on another (or the next) instance.
 */
@ApplicationScoped
public class Execution {

    private static final Logger LOG = Logger.getLogger(Execution.class);

    private final AgroalDataSource dataSource;
    private final ExecutionSettings settings;
    private final List<Task<?>> tasks;
    private final SchedulerClient client;
    private volatile Scheduler scheduler;

    public Execution(AgroalDataSource dataSource, ExecutionSettings settings, Instance<Task<?>> tasks) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.tasks = tasks.stream().toList();
        this.client = SchedulerClient.Builder.create(dataSource, this.tasks).build();
    }

    void onStart(@Observes @Priority(100) StartupEvent event) {
        if (settings.enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts a scheduler instance (a new one each time: a stopped db-scheduler cannot restart). */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Scheduler.create(dataSource, tasks)
                .schedulerName(new SchedulerName.Fixed("request-service-" + UUID.randomUUID()))
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeatInterval())
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .shutdownMaxWait(settings.shutdownMaxWait())
                .build();
        scheduler.start();
        LOG.infof("db-scheduler started: %d threads, polling every %s", settings.threads(), settings.pollingInterval());
    }

    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }

    public int threads() {
        return settings.threads();
    }

    /** Schedules a task instance in the caller's transaction; a no-op if that instance exists. */
    public void schedule(SchedulableInstance<?> instance) {
        client.scheduleIfNotExists(instance);
    }
}
