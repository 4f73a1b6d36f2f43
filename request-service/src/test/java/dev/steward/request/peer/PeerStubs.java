package dev.steward.request.peer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * WireMock stand-ins for the two peers, on random ports. Tests receive them through
 * {@link AccountStub} and {@link DisclosureStub} fields.
 */
public class PeerStubs implements QuarkusTestResourceLifecycleManager {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface AccountStub {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface DisclosureStub {
    }

    private WireMockServer account;
    private WireMockServer disclosure;

    @Override
    public Map<String, String> start() {
        account = new WireMockServer(wireMockConfig().dynamicPort());
        disclosure = new WireMockServer(wireMockConfig().dynamicPort());
        account.start();
        disclosure.start();
        return Map.of("quarkus.rest-client.account-service.url", account.baseUrl(),
                "quarkus.rest-client.disclosure-service.url", disclosure.baseUrl(),
                // tokens are fetched on first use, so tests can shape the token endpoint first
                "quarkus.oidc-client.early-tokens-acquisition", "false");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(account, new TestInjector.AnnotatedAndMatchesType(AccountStub.class, WireMockServer.class));
        injector.injectIntoFields(disclosure, new TestInjector.AnnotatedAndMatchesType(DisclosureStub.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (account != null) {
            account.stop();
        }
        if (disclosure != null) {
            disclosure.stop();
        }
    }
}
