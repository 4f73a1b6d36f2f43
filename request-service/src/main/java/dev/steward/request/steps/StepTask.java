package dev.steward.request.steps;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.steward.request.execution.Execution;
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
        return Execution.retried(NAME, s.maxRetries(), s.backoffInitial(), s.backoffRate(), runner::run, runner::exhausted);
    }
}
