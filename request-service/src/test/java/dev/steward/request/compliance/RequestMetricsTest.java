package dev.steward.request.compliance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import dev.steward.platform.testing.Tokens;
import dev.steward.request.Api;
import dev.steward.request.GreenMailResource;
import dev.steward.request.lifecycle.RequestStatus;
import dev.steward.request.lifecycle.RequestType;
import dev.steward.request.peer.Contract;
import dev.steward.request.peer.PeerStubs;
import dev.steward.request.verification.PrivacyCenterTest;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Issue 18: the metric names of METRICS.md, scraped from /q/metrics after the work that moves them. */
@QuarkusTest
class RequestMetricsTest {

    @PeerStubs.AccountStub
    WireMockServer account;
    @PeerStubs.DisclosureStub
    WireMockServer disclosure;
    @GreenMailResource.Mailbox
    GreenMail smtp;

    private static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one series, by its exact name and labels as Prometheus prints them (labels sorted); -1 if absent. */
    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    void everyRequestServiceMetricIsExposedAndMoves() {
        String before = scrape();
        for (RequestStatus status : RequestStatus.values()) {
            for (RequestType type : RequestType.values()) {
                assertTrue(value(before, "steward_requests{status=\"" + status + "\",type=\"" + type + "\"}") >= 0,
                        "every combination is a series, 0 when none: " + status + "/" + type);
            }
        }
        for (String series : new String[] {"steward_requests_overdue", "steward_requests_due_soon", "steward_callbacks_pending",
                "steward_callbacks_exhausted_total", "steward_request_steps_total{outcome=\"failed\",step=\"ERASE\"}",
                "steward_public_verifications_total{outcome=\"locked\"}", "agroal_active_count{datasource=\"default\"}",
                "agroal_awaiting_count{datasource=\"default\"}", "agroal_max_used_count{datasource=\"default\"}"}) {
            assertTrue(value(before, series) >= 0, series + " is exposed");
        }
        double exportsBefore = value(before, "steward_request_steps_total{outcome=\"succeeded\",step=\"EXPORT\"}");
        double wrongBefore = value(before, "steward_public_verifications_total{outcome=\"wrong-code\"}");
        double verifiedBefore = value(before, "steward_public_verifications_total{outcome=\"verified\"}");

        Contract.access(account, disclosure, "steward", "ACCOUNT", "metrics-1");
        String customer = Tokens.customer("metrics-1");
        Api.awaitStatus(customer, Api.submitted(customer, Map.of("type", "ACCESS")), "COMPLETED");
        String id = PrivacyCenterTest.submit("192.0.2.50", "ACCESS", "ACCOUNT", "steward",
                "metrics-2", "metrics@example.org");
        PrivacyCenterTest.Mailed mail = PrivacyCenterTest.awaitMail(smtp, "metrics@example.org", 1);
        PrivacyCenterTest.verify("192.0.2.50", id, mail.code().equals("000000") ? "000001" : "000000").then().statusCode(422);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String after = scrape();
            assertEquals(exportsBefore + 1, value(after, "steward_request_steps_total{outcome=\"succeeded\",step=\"EXPORT\"}"));
            assertEquals(wrongBefore + 1, value(after, "steward_public_verifications_total{outcome=\"wrong-code\"}"));
            assertEquals(verifiedBefore, value(after, "steward_public_verifications_total{outcome=\"verified\"}"));
            assertTrue(value(after, "steward_peer_calls_seconds_count{outcome=\"success\",peer=\"account\"}") >= 1, "account calls timed");
            assertTrue(value(after, "steward_peer_calls_seconds_count{outcome=\"success\",peer=\"disclosure\"}") >= 1, "disclosure calls timed");
            assertTrue(value(after, "steward_requests{status=\"PENDING_VERIFICATION\",type=\"ACCESS\"}") >= 1);
            assertTrue(value(after, "steward_requests{status=\"COMPLETED\",type=\"ACCESS\"}") >= 1);
        });
    }
}
