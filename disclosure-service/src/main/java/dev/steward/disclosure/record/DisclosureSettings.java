package dev.steward.disclosure.record;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Disclosure rules that are switched by configuration (application.properties). */
@ConfigMapping(prefix = "steward.disclosure")
public interface DisclosureSettings {

    /**
     * When true, a disclosure to law enforcement or a regulator needs an {@code approval} given by a
     * second legal user ({@code POST /disclosure-approvals}); a typed {@code approver} name alone is
     * refused. False keeps the typed name (checked against the caller) for callers not yet changed.
     */
    @WithDefault("false")
    boolean requireSignedApproval();
}
