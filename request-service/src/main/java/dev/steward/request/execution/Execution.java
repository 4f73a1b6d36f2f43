package dev.steward.request.execution;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.steward.request.routing.CallbackDelivery;
import dev.steward.request.store.Db;
import dev.steward.request.store.TxDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Durable execution on db-scheduler, in this service's own database (table scheduled_tasks,
 * created by Flyway). Two task kinds: one step of a request ({@code dsr-step}, instance
 * {@code <requestId>/<round>/<STEP>}) and the signed callback to a controller
 * ({@code controller-callback}). Tasks are scheduled through a client whose connections join the
 * running {@link Db#tx}, so a state change and the task it asks for commit together. The scheduler
 * starts and stops with Quarkus on the Agroal DataSource; a picked task whose scheduler died is
 * revived by db-scheduler's dead-execution detection on another (or the next) instance.
 */
@ApplicationScoped
public class Execution {

    private static final Logger LOG = Logger.getLogger(Execution.class);
    public static final String STEP_TASK = "dsr-step";
    public static final String CALLBACK_TASK = "controller-callback";

    @Inject
    Db db;
    @Inject
    StepRunner runner;
    @Inject
    CallbackDelivery callbacks;

    @ConfigProperty(name = "steward.execution.enabled", defaultValue = "true")
    boolean enabled;
    @ConfigProperty(name = "steward.execution.threads", defaultValue = "10")
    int threads;
    @ConfigProperty(name = "steward.execution.polling-interval", defaultValue = "PT1S")
    Duration pollingInterval;
    @ConfigProperty(name = "steward.execution.heartbeat-interval", defaultValue = "PT30S")
    Duration heartbeatInterval;
    @ConfigProperty(name = "steward.execution.missed-heartbeats", defaultValue = "6")
    int missedHeartbeats;
    @ConfigProperty(name = "steward.execution.shutdown-max-wait", defaultValue = "PT30S")
    Duration shutdownMaxWait;
    @ConfigProperty(name = "steward.execution.backoff-initial", defaultValue = "PT5S")
    Duration backoffInitial;
    @ConfigProperty(name = "steward.execution.backoff-rate", defaultValue = "2.0")
    double backoffRate;
    @ConfigProperty(name = "steward.execution.max-retries", defaultValue = "8")
    int maxRetries;
    @ConfigProperty(name = "steward.callback.backoff-initial", defaultValue = "PT30S")
    Duration callbackBackoffInitial;
    @ConfigProperty(name = "steward.callback.max-retries", defaultValue = "20")
    int callbackMaxRetries;

    private OneTimeTask<String> stepTask;
    private OneTimeTask<String> callbackTask;
    private List<Task<?>> tasks;
    private SchedulerClient client;
    private volatile Scheduler scheduler;

    void onStart(@Observes @Priority(100) StartupEvent event) {
        stepTask = Tasks.oneTime(STEP_TASK, String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(maxRetries,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(backoffInitial, backoffRate),
                        (complete, ops) -> runner.exhausted((String) complete.getExecution().taskInstance.getData(),
                                complete.getExecution().consecutiveFailures + 1, complete.getCause().orElse(null))))
                .execute((instance, ctx) -> runner.run(instance.getData(),
                        ctx.getExecution().consecutiveFailures + 1));
        callbackTask = Tasks.oneTime(CALLBACK_TASK, String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(callbackMaxRetries,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(callbackBackoffInitial, 2.0),
                        (complete, ops) -> callbacks.gaveUp((String) complete.getExecution().taskInstance.getData(),
                                complete.getCause().orElse(null))))
                .execute((instance, ctx) -> callbacks.deliver(instance.getData(),
                        ctx.getExecution().consecutiveFailures + 1));
        tasks = List.of(stepTask, callbackTask);
        client = SchedulerClient.Builder.create(new TxDataSource(db.dataSource()), tasks).build();
        if (enabled) {
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
        scheduler = Scheduler.create(db.dataSource(), tasks)
                .schedulerName(new SchedulerName.Fixed("request-service-" + UUID.randomUUID()))
                .threads(threads)
                .pollingInterval(pollingInterval)
                .heartbeatInterval(heartbeatInterval)
                .missedHeartbeatsLimit(missedHeartbeats)
                .shutdownMaxWait(shutdownMaxWait)
                .build();
        scheduler.start();
        LOG.infof("db-scheduler started: %d threads, polling every %s", threads, pollingInterval);
    }

    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }

    public boolean running() {
        return scheduler != null;
    }

    public int threads() {
        return threads;
    }

    /** Schedules one step now, in the caller's transaction; a no-op if that instance exists. */
    public void schedule(UUID requestId, int round, Step step) {
        String ref = requestId + "/" + round + "/" + step.name();
        client.scheduleIfNotExists(stepTask.instance(ref, ref), Instant.now());
    }

    public void scheduleCallback(UUID requestId) {
        client.scheduleIfNotExists(callbackTask.instance(requestId.toString(), requestId.toString()), Instant.now());
    }
}
