package dev.steward.account.support;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/** A WireMock stand-in for disclosure-service: by default nobody is on a legal hold. */
public class DisclosureStub implements QuarkusTestResourceLifecycleManager {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        nobodyHeld(server);
        return Map.of("quarkus.rest-client.disclosure-service.url", server.baseUrl(),
                "quarkus.oidc-client.early-tokens-acquisition", "false");
    }

    /** The default: nobody is on a legal hold. */
    public static void nobodyHeld(WireMockServer server) {
        server.stubFor(get(urlPathEqualTo("/internal/holds/active")).atPriority(10)
                .willReturn(okJson("{\"held\":false,\"holds\":[]}")));
    }

    /** disclosure-service fails (500) when asked about this org's subjects. */
    public static void failingFor(WireMockServer server, String org) {
        server.stubFor(get(urlPathEqualTo("/internal/holds/active")).withQueryParam("org", WireMock.equalTo(org))
                .atPriority(1).willReturn(WireMock.serverError()));
    }

    /** Back to the default after a test's own stubs. */
    public static void reset(WireMockServer server) {
        server.resetMappings();
        nobodyHeld(server);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Server.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
