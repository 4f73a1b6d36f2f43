package dev.steward.disclosure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Every @QuarkusTest of this module runs against a real PostgreSQL, the WireMock OIDC server and a
 * WireMock stand-in for account-service.
 */
@QuarkusTestResource(AppRolePostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PeerStubs.class)
public final class TestResources {
    private TestResources() {
    }
}
