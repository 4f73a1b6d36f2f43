package dev.steward.request.execution;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Durable execution on db-scheduler, in this service's own database (table scheduled_tasks,
 * created by Flyway). It runs every {@link Task} bean; each capability defines its own tasks.
 * db-scheduler works on the Agroal DataSource itself: inside a JTA transaction Agroal hands it the
 * transaction's connection, which db-scheduler leaves to the transaction (its default
 * {@code commitWhenAutocommitDisabled(false)}), so a state change and the task it schedules commit
 * or roll back together.
 * <p>
 * After a crash (kill -9) nothing is stranded for long: the scheduler's name is stable per host and
 * HTTP port ({@link #instanceName}), so a restarted instance first takes back what its own earlier
 * incarnation had picked — no other live process can hold that name, since two cannot listen on one
 * port of one host — and a task picked by a name that never comes back (a pod replaced) is revived by
 * db-scheduler's dead-execution detection after {@code missed-heartbeats × heartbeat-interval}.
 * Two live instances never run one task at once: db-scheduler picks with an optimistic
 * version check (TwoSchedulersTest).
 */
@ApplicationScoped
public class Execution {

    private static final Logger LOG = Logger.getLogger(Execution.class);

    private final AgroalDataSource dataSource;
    private final ExecutionSettings settings;
    private final List<Task<?>> tasks;
    private final List<RecurringTask<?>> recurring;
    private final SchedulerClient client;
    private final String instanceName;
    private volatile Scheduler scheduler;

    public Execution(AgroalDataSource dataSource, ExecutionSettings settings, Instance<Task<?>> tasks,
                     @ConfigProperty(name = "quarkus.http.port") int httpPort) {
        this.dataSource = dataSource;
        this.settings = settings;
        // recurring tasks are scheduled at start (db-scheduler's start tasks); the others are scheduled by the code
        this.recurring = tasks.stream().filter(RecurringTask.class::isInstance).<RecurringTask<?>>map(t -> (RecurringTask<?>) t).toList();
        this.tasks = tasks.stream().filter(t -> !(t instanceof RecurringTask)).toList();
        this.client = SchedulerClient.Builder.create(dataSource, this.tasks).enablePriority().build();
        this.instanceName = settings.instanceName().filter(n -> !n.isBlank())
                .orElseGet(() -> new SchedulerName.Hostname().getName() + ":" + httpPort);
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
        int reclaimed = reclaimOwnPicks();
        scheduler = Scheduler.create(dataSource, tasks)
                .startTasks(recurring)
                .schedulerName(new SchedulerName.Fixed(instanceName))
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeatInterval())
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .shutdownMaxWait(settings.shutdownMaxWait())
                .enablePriority()
                .build();
        scheduler.start();
        LOG.infof("db-scheduler %s started: %d threads, polling every %s; %d executions of an earlier incarnation taken back",
                instanceName, settings.threads(), settings.pollingInterval(), reclaimed);
    }

    /**
     * Frees the executions an earlier incarnation of this instance picked and never finished (it was
     * killed), so they run now rather than after dead-execution detection. Called only while this
     * process runs no scheduler (start, after any stop has waited for its executions), so nothing
     * freed here is running. Plain JDBC: scheduled_tasks is db-scheduler's table, with no API for this.
     */
    private int reclaimOwnPicks() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update scheduled_tasks set picked = false, picked_by = null, "
                     + "last_heartbeat = null, version = version + 1 where picked and picked_by = ?")) {
            ps.setString(1, instanceName);
            return ps.executeUpdate();
        } catch (SQLException e) {
            // dead-execution detection still revives them, only later
            LOG.warnf("could not take back the executions of an earlier incarnation: SQLState %s", e.getSQLState());
            return 0;
        }
    }

    /** This instance's name in scheduled_tasks.picked_by: EXECUTION_INSTANCE_NAME, else host name and HTTP port. */
    public String instanceName() {
        return instanceName;
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
        schedule(task, instance, 0);
    }

    /**
     * As {@link #schedule(String, String)}, ahead of due tasks of lower priority: the scheduler picks
     * by priority, then by due time, so work that finishes something started can pass a backlog of
     * new work (setting {@code started-work-first}; off, every task is priority 0: first in, first out).
     */
    public void schedule(String task, String instance, int priority) {
        int p = settings.startedWorkFirst() ? priority : 0;
        client.scheduleIfNotExists(SchedulableInstance.of(new TaskInstance<>(task, instance, () -> instance, p), now -> now));
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
