package dev.steward.console.peer;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sends the signed-in person's own access token (from their encrypted session) to the peer, so the
 * service applies its own role and tenant rules to that person. Hand-written because the
 * quarkus-rest-client-oidc-token-propagation extension's parent POM is not served by the registry
 * this project builds from; it does the same thing: the AccessTokenCredential of the identity.
 */
@ApplicationScoped
public class BearerPropagation implements ClientRequestFilter {

    private final SecurityIdentity identity;

    public BearerPropagation(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Override
    public void filter(ClientRequestContext request) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
    }
}
