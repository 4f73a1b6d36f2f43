package dev.steward.console.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** The Privacy Center's settings: whose centre it is, who to contact (§14), which websites may embed the consent script. */
@ConfigMapping(prefix = "steward.privacy-center")
public interface PrivacyCenterSettings {

    /** The organisation whose visitors the preference page records (the provider's own org). */
    @WithDefault("steward")
    String org();

    /** The Custodian of Records, as §14 of the policy names them. */
    Custodian custodian();

    /** Website origins (scheme://host[:port]) allowed to call the consent JSON endpoint from the browser (CORS). */
    Optional<List<String>> consentOrigins();

    interface Custodian {
        @WithDefault("Custodian of Records")
        String title();

        @WithDefault("Influxis")
        String organisation();

        /** The postal address, one line per element. */
        @WithDefault("25061 Avenue Stanford\\, Suite 10,Santa Clarita\\, CA 91355")
        List<String> address();

        @WithDefault("privacy@influxis.com")
        String email();
    }
}
