package dev.steward.console.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the pages show an instant: to the minute, in UTC, said so ({@code {utc:of(x)}}; empty for none). */
@TemplateExtension(namespace = "utc")
public final class Times {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    static String of(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }
}
