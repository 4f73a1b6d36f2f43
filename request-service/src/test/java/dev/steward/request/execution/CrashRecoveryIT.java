package dev.steward.request.execution;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.platform.testing.Tokens;
import dev.steward.request.PackagedApp;
import dev.steward.request.peer.Contract;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the packaged application while steps run (issue 12, item 1): every request that was
 * in flight completes within 30 s of the restart — when the instance comes back on the same host
 * and port (it takes back what its earlier incarnation picked) and when it comes back as another
 * instance (a replaced pod: dead-execution detection after the production default of 4 missed
 * heartbeats of 2 s). Execution runs with its production settings; the export answers after 3 s,
 * so the steps are surely in flight when the process dies.
 */
class CrashRecoveryIT {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final int IN_FLIGHT = 10;

    private static WireMockServer account;
    private static WireMockServer disclosure;
    private static PackagedApp app;

    @BeforeAll
    static void standIns() throws Exception {
        account = new WireMockServer(wireMockConfig().dynamicPort());
        disclosure = new WireMockServer(wireMockConfig().dynamicPort());
        account.start();
        disclosure.start();
        account.stubFor(get(urlPathMatching("/internal/subjects/steward/ACCOUNT/[^/]+/export"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(Contract.exportJson("steward", "ACCOUNT", "crash")).withFixedDelay(3000)));
        disclosure.stubFor(get(urlPathMatching("/internal/subjects/steward/ACCOUNT/[^/]+/accounting"))
                .willReturn(okJson(Contract.ACCOUNTING)));
        app = new PackagedApp("crash-recovery-it", account.baseUrl(), disclosure.baseUrl());
    }

    @AfterAll
    static void stopStandIns() throws Exception {
        app.close();
        account.stop();
        disclosure.stop();
    }

    @Test
    void inFlightRequestsCompleteWithin30sOfTheRestart() throws Exception {
        app.start(List.of("-Xmx256m"), Map.of());
        report("restarted on the same host and port", crashAndRestart(Map.of()));
        assertTrue(app.log().contains("; " + IN_FLIGHT + " executions of an earlier incarnation taken back"),
                "the restart took back the picks of the killed process at once");
        report("restarted as another instance (a replaced pod)",
                crashAndRestart(Map.of("steward.execution.instance-name", "replacement-pod")));
    }

    private static void report(String how, Duration took) {
        System.out.printf("CrashRecoveryIT: %d in-flight ACCESS requests completed %.1f s after a kill -9, %s%n",
                IN_FLIGHT, took.toMillis() / 1000.0, how);
        assertTrue(took.compareTo(BOUND) <= 0, how + ": took " + took);
    }

    /** Submits requests, kills the application while their EXPORT steps wait on the peer, restarts it and times them to COMPLETED. */
    private static Duration crashAndRestart(Map<String, String> restartSettings) throws Exception {
        String officer = Tokens.officer("olivia");
        int exportsBefore = account.findAll(getRequestedFor(urlPathMatching(".*/export"))).size();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
            ids.add(given().port(app.port()).auth().oauth2(officer).contentType(ContentType.JSON)
                    .body(Map.of("type", "ACCESS", "attestation", "identity checked against a signed letter",
                            "subject", Map.of("org", "steward", "kind", "ACCOUNT", "id", "crash-" + UUID.randomUUID())))
                    .when().post("/requests").then().statusCode(201).extract().path("id"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                account.findAll(getRequestedFor(urlPathMatching(".*/export"))).size() - exportsBefore >= IN_FLIGHT);
        app.kill();

        Instant restarted = Instant.now();
        app.start(List.of("-Xmx256m"), restartSettings);
        await().atMost(BOUND.plusSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> ids.stream()
                .allMatch(id -> "COMPLETED".equals(given().port(app.port()).auth().oauth2(officer).when()
                        .get("/requests/" + id).then().statusCode(200).extract().path("status"))));
        return Duration.between(restarted, Instant.now());
    }
}
