package dev.steward.disclosure;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * A WireMock stand-in for account-service on a random port, injected into test fields marked
 * {@link AccountStub}. By default every subject allows sharing (account-service's defaults for an
 * unknown subject); tests stub particular subjects at a higher priority.
 */
public class PeerStubs implements QuarkusTestResourceLifecycleManager {

    public static final String ALLOWED = "{\"subject\":{},\"restricted\":false,\"purposes\":{\"ANALYTICS_SHARING\":true,"
            + "\"MARKETING\":true,\"THIRD_PARTY_SHARING\":true,\"MATERIALLY_DIFFERENT_PURPOSE\":true}}";

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface AccountStub {
    }

    private WireMockServer account;

    @Override
    public Map<String, String> start() {
        account = new WireMockServer(wireMockConfig().dynamicPort());
        account.start();
        defaults(account);
        return Map.of("quarkus.rest-client.account-service.url", account.baseUrl());
    }

    public static void defaults(WireMockServer account) {
        account.stubFor(get(urlPathMatching("/internal/subjects/.*/consents")).atPriority(10).willReturn(okJson(ALLOWED)));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(account, new TestInjector.AnnotatedAndMatchesType(AccountStub.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (account != null) {
            account.stop();
        }
    }
}
