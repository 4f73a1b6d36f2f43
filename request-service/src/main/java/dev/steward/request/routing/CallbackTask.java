package dev.steward.request.routing;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The durable task of a signed callback to a controller ({@code controller-callback}, instance
 * {@code <requestId>}): retried with exponential back-off until the Client acknowledges, then
 * given up on record. The execution package runs every task bean; this class owns the definition.
 */
@Singleton
public class CallbackTask {

    public static final String NAME = "controller-callback";

    @Produces
    @Singleton
    OneTimeTask<String> definition(CallbackDelivery callbacks, CallbackSettings settings) {
        return Tasks.oneTime(NAME, String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(settings.maxRetries(),
                        new FailureHandler.ExponentialBackoffFailureHandler<>(settings.backoffInitial(), 2.0),
                        (complete, ops) -> callbacks.gaveUp((String) complete.getExecution().taskInstance.getData(),
                                complete.getCause().orElse(null))))
                .execute((instance, ctx) -> callbacks.deliver(instance.getData(), ctx.getExecution().consecutiveFailures + 1));
    }

    /** The delivery, due now by the scheduler's own clock. */
    static SchedulableInstance<String> now(String requestId) {
        return SchedulableInstance.of(new TaskInstance<>(NAME, requestId, requestId), now -> now);
    }
}
