package dev.steward.request.execution;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
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

    /** Schedules an instance of a task now (by the scheduler's own clock), in the caller's transaction; a no-op if it exists. */
    public void schedule(String task, String instance) {
        client.scheduleIfNotExists(SchedulableInstance.of(new TaskInstance<>(task, instance, instance), now -> now));
    }

    /** What a task does with its instance, on attempt 1, 2, ... */
    public interface Work {
        void run(String instance, int attempt);
    }

    /** What happens once the retries are spent. */
    public interface GiveUp {
        void after(String instance, int attempts, Throwable cause);
    }

    /** A task whose instance names its data, retried with exponential back-off, then given up. */
    public static OneTimeTask<String> retried(String name, int maxRetries, Duration backoff, double rate, Work work,
                                              GiveUp giveUp) {
        return Tasks.oneTime(name, String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(maxRetries,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(backoff, rate),
                        (complete, ops) -> giveUp.after(complete.getExecution().taskInstance.getId(),
                                complete.getExecution().consecutiveFailures + 1, complete.getCause().orElse(null))))
                .execute((instance, ctx) -> work.run(instance.getId(), ctx.getExecution().consecutiveFailures + 1));
    }
}
