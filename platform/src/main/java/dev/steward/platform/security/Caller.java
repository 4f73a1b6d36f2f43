package dev.steward.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the token's subject, its organisation claim and roles. Resources use this rather
 * than reading token claims themselves, so isolation rules read the same everywhere.
 */
@RequestScoped
public class Caller {

    public static final String ORG_CLAIM = "org";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The stable OIDC subject ({@code sub}), or the principal name when there is none. */
    public String id() {
        String sub = token.getSubject();
        return sub != null ? sub : identity.getPrincipal().getName();
    }

    /** A readable name for audit trails: preferred_username when present. */
    public String name() {
        String preferred = token.getClaim("preferred_username");
        return preferred != null ? preferred : id();
    }

    public Optional<String> org() {
        Object org = token.getClaim(ORG_CLAIM);
        return org == null ? Optional.empty() : Optional.of(org.toString().replace("\"", ""));
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** Seconds since the epoch when the person last authenticated, if the token says so. */
    public Optional<Long> authTime() {
        Object t = token.getClaim("auth_time");
        return t instanceof Number n ? Optional.of(n.longValue())
                : t == null ? Optional.empty() : Optional.of(Long.parseLong(t.toString()));
    }
}
