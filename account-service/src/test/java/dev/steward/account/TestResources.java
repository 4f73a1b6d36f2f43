package dev.steward.account;

import dev.steward.account.support.DisclosureStub;
import dev.steward.platform.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Every @QuarkusTest of this module runs against a real PostgreSQL and the WireMock OIDC server. */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(DisclosureStub.class)
public final class TestResources {
    private TestResources() {
    }
}
