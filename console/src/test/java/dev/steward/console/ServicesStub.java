package dev.steward.console;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * request-service and disclosure-service as one WireMock server on a free port, each under its own
 * prefix (/request, /disclosure), so a test stubs exactly what a page asks of them.
 */
public class ServicesStub implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        String base = "http://localhost:" + server.port();
        return Map.of("quarkus.rest-client.request-service.url", base + "/request",
                "quarkus.rest-client.disclosure-service.url", base + "/disclosure",
                "quarkus.rest-client.account-service.url", base + "/account");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
