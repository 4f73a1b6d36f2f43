package dev.steward.request.steps;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.steward.request.execution.ExecutionSettings;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The durable task of one step ({@code dsr-step}, instance {@code <requestId>/<round>/<STEP>}):
 * retried with exponential back-off, then handed to {@link StepRunner#exhausted}. The execution
 * package runs every task bean; this class owns the definition.
 */
@Singleton
public class StepTask {

    public static final String NAME = "dsr-step";

    @Produces
    @Singleton
    OneTimeTask<String> definition(StepRunner runner, ExecutionSettings s) {
        return Tasks.oneTime(NAME, String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(s.maxRetries(),
                        new FailureHandler.ExponentialBackoffFailureHandler<>(s.backoffInitial(), s.backoffRate()),
                        (complete, ops) -> runner.exhausted((String) complete.getExecution().taskInstance.getData(),
                                complete.getExecution().consecutiveFailures + 1, complete.getCause().orElse(null))))
                .execute((instance, ctx) -> runner.run(instance.getData(), ctx.getExecution().consecutiveFailures + 1));
    }

    /** The step, due now by the scheduler's own clock. */
    static SchedulableInstance<String> now(String ref) {
        return SchedulableInstance.of(new TaskInstance<>(NAME, ref, ref), now -> now);
    }
}
