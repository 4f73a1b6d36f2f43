package dev.steward.disclosure.subprocessor;

import dev.steward.platform.testing.ServiceContractTest;
import dev.steward.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@QuarkusTest
class SubProcessorContractTest extends ServiceContractTest {

    @Override
    protected String postPath() {
        return "/subprocessors";
    }

    @Override
    protected Map<String, Object> validBody() {
        return mutable(Map.of("name", "Vendor " + UUID.randomUUID(), "purpose", "Customer support tickets",
                "dataCategories", List.of("user.contact.email"), "country", "US",
                "agreementInForce", true, "agreementSince", "2024-01-01"));
    }

    @Override
    protected String requiredStringField() {
        return "purpose";
    }

    @Override
    protected String allowedToken() {
        return Tokens.legal("lena");
    }

    @Override
    protected String deniedToken() {
        return Tokens.auditor("audrey");
    }
}
