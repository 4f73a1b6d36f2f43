package dev.steward.request.execution;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/** db-scheduler's threads, polling and dead-execution detection, and the step tasks' back-off (defaults in application.properties). */
@ConfigMapping(prefix = "steward.execution")
public interface ExecutionSettings {

    boolean enabled();

    /** Stable per host and port (empty: host name and HTTP port); a restarted instance takes back what its earlier incarnation picked. */
    Optional<String> instanceName();

    int threads();

    Duration pollingInterval();

    Duration heartbeatInterval();

    int missedHeartbeats();

    Duration shutdownMaxWait();

    /** A request's next step runs ahead of the first steps of requests not yet started (task priority). */
    boolean startedWorkFirst();

    Duration backoffInitial();

    double backoffRate();

    int maxRetries();
}
