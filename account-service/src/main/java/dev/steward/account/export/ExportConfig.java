package dev.steward.account.export;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** {@code steward.export.*}; the default is in application.properties, beside its environment variable. */
@ConfigMapping(prefix = "steward.export")
public interface ExportConfig {

    /** The read transaction of one streamed export (its cursors stay open while the response is written). */
    Duration timeout();
}
