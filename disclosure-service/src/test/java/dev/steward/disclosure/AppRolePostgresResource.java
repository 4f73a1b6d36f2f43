package dev.steward.disclosure;

import dev.steward.platform.testing.PostgresResource;
import java.util.HashMap;
import java.util.Map;

/**
 * The platform's PostgreSQL, split into the two roles production uses: Flyway migrates as the
 * superuser the platform resource provides (the owner), and the service connects as the runtime
 * login role {@code disclosure_app}, which the V2 migration creates with SELECT/INSERT only.
 */
public class AppRolePostgresResource extends PostgresResource {

    public static final String APP_USER = "disclosure_app";

    @Override
    public Map<String, String> start() {
        Map<String, String> owner = super.start();
        Map<String, String> props = new HashMap<>(owner);
        props.put("quarkus.flyway.username", owner.get("quarkus.datasource.username"));
        props.put("quarkus.flyway.password", owner.get("quarkus.datasource.password"));
        // the embedded database's URL names its superuser (?user=postgres), which the driver would
        // prefer over the configured username
        props.put("quarkus.datasource.jdbc.url", withoutCredentials(owner.get("quarkus.datasource.jdbc.url")));
        props.put("quarkus.datasource.username", APP_USER);
        props.put("quarkus.datasource.password", APP_USER);
        props.put("quarkus.flyway.placeholders.app_password", APP_USER);
        return props;
    }

    static String withoutCredentials(String url) {
        return url.replaceAll("([?&])(user|password)=[^&]*&?", "$1").replaceAll("[?&]$", "");
    }
}
