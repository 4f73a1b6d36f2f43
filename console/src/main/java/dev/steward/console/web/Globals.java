package dev.steward.console.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** What every page's layout needs: who is signed in (for the navigation and the sign-out link). */
@TemplateGlobal
public final class Globals {

    private Globals() {
    }

    static Viewer viewer() {
        SecurityIdentity identity = Arc.container().instance(SecurityIdentity.class).get();
        if (identity == null || identity.isAnonymous()) {
            return new Viewer(null, Set.of(), java.util.List.of());
        }
        return Viewer.of(displayName(identity), identity.getRoles());
    }

    private static String displayName(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String preferred = jwt.getClaim("preferred_username");
            if (preferred != null) {
                return preferred;
            }
        }
        return identity.getPrincipal().getName();
    }
}
