package dev.steward.e2e.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.e2e.StackAccess;
import dev.steward.e2e.stack.Realm;
import dev.steward.e2e.stack.Stack;
import dev.steward.e2e.stack.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console in a real browser against the real stack: Keycloak's own sign-in page, the three
 * services, Debian's Chromium. Each main page is saved as a screenshot in e2e-tests/target/screenshots.
 */
@ExtendWith(StackAccess.class)
class ConsoleBrowserIT {

    static String console;
    static String aliceSubject;
    static String requestId;

    @BeforeAll
    static void aCustomersRequestWaitsForTheOfficer(Stack stack) {
        console = stack.url(Stack.CONSOLE);
        aliceSubject = Tokens.claims(stack.tokens().user("alice")).path("sub").asText();
        // Sent without signing in (the Privacy Center's way): it waits for an officer to verify the requester.
        requestId = given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("type", "ACCESS", "contact", "alice@example.test",
                        "subject", Map.of("org", "steward", "kind", "ACCOUNT", "id", aliceSubject)))
                .post(stack.url("request-service") + "/public/requests")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void anOfficerFindsTheRequestApprovesItSeesItCompleteDownloadsTheReportAndSignsOut() throws Exception {
        try (Chromium browser = new Chromium().signIn(console, "olivia", Realm.DEMO_PASSWORD)) {
            assertEquals("Request queue", browser.h1());
            browser.screenshot("01-officer-queue");

            browser.select("f-status", "PENDING_VERIFICATION");
            browser.find("#f-subject").sendKeys(aliceSubject);
            browser.find("form.filters button[type=submit]").click();
            browser.await().until(d -> d.getCurrentUrl().contains("status=PENDING_VERIFICATION"));
            browser.find("a[href='/requests/" + requestId + "']");
            assertEquals(1, browser.all("tbody tr").size(), "the one request about alice that waits");
            browser.screenshot("02-officer-queue-filtered");

            browser.find("a[href='/requests/" + requestId + "']").click();
            browser.await().until(d -> d.getCurrentUrl().endsWith("/requests/" + requestId));
            browser.screenshot("03-request-pending");
            browser.find("form[action$='/approve'] button").click();

            browser.await().withTimeout(Duration.ofSeconds(90)).pollingEvery(Duration.ofSeconds(1)).until(d -> {
                d.navigate().refresh();
                return d.findElement(By.cssSelector("dd.status")).getText().startsWith("COMPLETED");
            });
            assertTrue(browser.find("table").getText().contains("VERIFIED"), "the approval in the timeline");
            browser.screenshot("04-request-completed");

            browser.find("a[href$='/report.json']").click();
            Path report = browser.downloads.resolve("access-report-" + requestId + ".json");
            browser.await().until(d -> Files.exists(report));
            assertTrue(Files.readString(report).contains(aliceSubject), "the report names its subject");

            browser.driver.get(console + "/requests/" + requestId + "/report.html");
            browser.screenshot("05-access-report");

            browser.driver.get(console + "/reports/compliance");
            assertEquals("Compliance report (§17)", browser.h1());
            browser.screenshot("06-compliance-report");

            browser.driver.get(console + "/requests");
            browser.find("a[href='/logout']").click();
            browser.await().until(d -> d.getCurrentUrl().startsWith(console + "/signed-out"));
            assertEquals("You are signed out", browser.h1());
            browser.screenshot("07-signed-out");
            browser.driver.get(console + "/requests");
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
        }
    }

    @Test
    void legalProposesALawEnforcementDisclosureASecondLegalUserApprovesItAndTheLedgerVerifies() {
        String proposal;
        try (Chromium browser = new Chromium().signIn(console, "lena", Realm.DEMO_PASSWORD)) {
            assertEquals("Disclosures", browser.h1());
            browser.find("a[href='/disclosures/new'].button").click();
            browser.await().until(d -> d.getCurrentUrl().endsWith("/disclosures/new"));
            assertTrue(browser.all("#approver").isEmpty(), "no typed approver: the second person approves signed in");
            String today = LocalDate.now().toString();
            browser.select("recipientType", "LAW_ENFORCEMENT");
            browser.find("#recipientName").sendKeys("Metro Police Department");
            browser.select("legalBasis", "SUBPOENA");
            browser.find("#caseReference").sendKeys("MPD-2026-118");
            browser.set("receivedOn", today);
            browser.select("outcome", "NON_CONTENT_DISCLOSED");
            browser.set("disclosedOn", today);
            browser.find("#subjects").sendKeys("steward/ACCOUNT/" + aliceSubject);
            browser.find("#dataCategories").sendKeys("user.contact.email");
            browser.find("#purpose").sendKeys("Subpoena for subscriber information");
            browser.screenshot("08-record-disclosure-form");
            browser.find("form[action='/disclosures'] button[type=submit]").click();

            // four eyes: proposed, not recorded; the proposer is offered no approval
            browser.await().until(d -> d.getCurrentUrl().matches(".*/disclosures/proposals/[0-9a-f-]{36}$"));
            proposal = browser.driver.getCurrentUrl().substring(console.length());
            assertTrue(browser.find("#proposal-status").getText().contains("Waiting for a second legal user"));
            assertTrue(browser.find("#second-approver").getText().contains("You proposed it"));
            assertTrue(browser.all("#approve").isEmpty(), "lena cannot approve her own proposal");
            browser.screenshot("09-disclosure-awaiting-approval");
        }
        try (Chromium browser = new Chromium().signIn(console, "leo", Realm.DEMO_PASSWORD)) {
            assertEquals("Disclosures", browser.h1());
            assertTrue(browser.find("#awaiting").getText().contains("Metro Police Department"), "the proposal waits on leo's list");
            browser.screenshot("09b-disclosures-waiting-for-approval");
            browser.find("#awaiting a[href='" + proposal + "']").click();
            browser.await().until(d -> d.getCurrentUrl().endsWith(proposal));
            assertTrue(browser.find("#second-approver").getText().contains("Proposed by lena"));
            browser.screenshot("09c-disclosure-to-approve");
            browser.find("#approve").click();
            browser.await().until(d -> d.getCurrentUrl().matches(".*/disclosures/[0-9a-f-]{36}$"));
            assertEquals("Disclosure to Metro Police Department", browser.h1());
            String facts = browser.find("dl.facts").getText();
            assertTrue(facts.contains("Ledger sequence"), facts);
            assertTrue(facts.contains("by lena") && facts.contains("leo"), "recorded by lena, approved by leo: " + facts);
            browser.screenshot("10-disclosure-recorded");

            browser.driver.get(console + "/ledger");
            browser.find("form[action='/ledger'] button").click();
            String verification = browser.find("#verification").getText();
            assertTrue(verification.startsWith("Verified"), verification);
            browser.screenshot("11-ledger-verified");

            for (String[] page : new String[][] {{"/holds", "12-legal-holds"}, {"/subprocessors", "13-sub-processors"},
                    {"/transparency", "14-transparency-report"}, {"/disclosures", "15-disclosures"},
                    {"/demands", "17-legal-demands"}, {"/demands/new", "18-legal-demand-intake"},
                    {"/demands/notices", "19-legal-notices-due"}}) {
                browser.driver.get(console + page[0]);
                browser.find("h1");
                browser.screenshot(page[1]);
            }
        }
    }

    @Test
    void aClientAdminIsToldTheConsoleIsNotForTheirRole() {
        try (Chromium browser = new Chromium().signIn(console, "acme-admin", Realm.DEMO_PASSWORD)) {
            assertEquals("The console is not for your role", browser.h1());
            assertTrue(browser.all("nav.main a").isEmpty(), "no navigation");
            browser.screenshot("16-not-for-your-role");
        }
    }
}
