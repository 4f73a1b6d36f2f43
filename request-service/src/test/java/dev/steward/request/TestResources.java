package dev.steward.request;

import dev.steward.platform.testing.PostgresResource;
import dev.steward.request.peer.PeerStubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Every @QuarkusTest of this module runs against a real PostgreSQL, the WireMock OIDC server, and
 * WireMock stand-ins for account-service and disclosure-service, and a real SMTP server (GreenMail).
 */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PeerStubs.class)
@QuarkusTestResource(GreenMailResource.class)
public final class TestResources {
    private TestResources() {
    }
}
