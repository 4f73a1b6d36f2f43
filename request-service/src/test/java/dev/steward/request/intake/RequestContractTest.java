package dev.steward.request.intake;

import dev.steward.platform.testing.ServiceContractTest;
import dev.steward.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;

@QuarkusTest
class RequestContractTest extends ServiceContractTest {

    @Override
    protected String postPath() {
        return "/requests";
    }

    @Override
    protected Map<String, Object> validBody() {
        return mutable(Map.of("type", "ACCESS", "jurisdiction", "GDPR", "attestation", "identity checked by phone",
                "subject", Map.of("org", "steward", "kind", "ACCOUNT", "id", "contract-carol")));
    }

    @Override
    protected String requiredStringField() {
        return "type";
    }

    @Override
    protected String allowedToken() {
        return Tokens.officer("olivia");
    }

    @Override
    protected String deniedToken() {
        return Tokens.legal("lena");
    }
}
