package dev.steward.disclosure.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The operations metrics of METRICS.md are exposed, and the self-verification sets them. */
@QuarkusTest
class LedgerMetricsTest {

    @Inject
    LedgerMetrics metrics;

    @Test
    void everyMetricIsExposedAndTheSelfVerificationReportsAVerifiedLedger() {
        assertTrue(metrics.verifyNow().valid());
        given().when().get("/subprocessors").then().statusCode(200); // so the HTTP server metrics have a request
        String scrape = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : List.of("steward_ledger_entries", "steward_ledger_verification_last_run",
                "steward_ledger_verification_last_success", "steward_ledger_checkpoint_age", "steward_legal_holds_active",
                "steward_legal_demands_overdue", "steward_legal_demands_due_soon", "steward_legal_notices_due",
                "steward_legal_preservations_expiring_soon", "agroal_active_count", "agroal_available_count",
                "agroal_awaiting_count", "agroal_max_used_count", "http_server_requests_seconds_count")) {
            assertTrue(scrape.contains(name), name + " is not exposed");
        }
        given().when().get("/q/metrics").then().body(containsString("steward_ledger_verification_ok 1.0"));
        Matcher run = Pattern.compile("(?m)^steward_ledger_verification_last_success ([0-9.E]+)$").matcher(scrape);
        assertTrue(run.find() && Double.parseDouble(run.group(1)) > 1.7e9, "last success is an epoch second");
    }
}
