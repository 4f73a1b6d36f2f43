package dev.steward.account.organisation;

import dev.steward.platform.testing.ServiceContractTest;
import dev.steward.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;

@QuarkusTest
class OrganisationContractTest extends ServiceContractTest {

    @Override
    protected String postPath() {
        return "/orgs";
    }

    @Override
    protected Map<String, Object> validBody() {
        return mutable(Map.of("id", "org-" + UUID.randomUUID().toString().substring(0, 8), "name", "Acme Ltd"));
    }

    @Override
    protected String requiredStringField() {
        return "name";
    }

    @Override
    protected String allowedToken() {
        return Tokens.officer("olivia");
    }

    @Override
    protected String deniedToken() {
        return Tokens.customer("carol");
    }
}
