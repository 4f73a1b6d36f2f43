package dev.steward.request.routing;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.steward.request.execution.Execution;
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
        return Execution.retried(NAME, settings.maxRetries(), settings.backoffInitial(), 2.0, callbacks::deliver,
                (instance, attempts, cause) -> callbacks.gaveUp(instance, cause));
    }
}
