package dev.steward.e2e.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.e2e.StackAccess;
import dev.steward.e2e.stack.Mailbox;
import dev.steward.e2e.stack.Stack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 14: the Privacy Center as a visitor uses it, in Debian's Chromium against the real stack —
 * the code read from the stack's SMTP server, the access report downloaded through its signed link,
 * Global Privacy Control sent by the browser. Screenshots in e2e-tests/target/screenshots (20-…).
 */
@ExtendWith(StackAccess.class)
class PrivacyCenterBrowserIT {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    static Stack stack;
    static String console;

    @BeforeAll
    static void stack(Stack s) {
        stack = s;
        console = s.url(Stack.CONSOLE);
    }

    @Test
    void aVisitorWithGlobalPrivacyControlAsksForTheirDataVerifiesByMailAndReadsTheReport() throws Exception {
        try (Chromium browser = new Chromium()) {
            // the browser asks for Global Privacy Control on every request, as Brave or Firefox with GPC on do
            browser.driver.executeCdpCommand("Network.enable", Map.of());
            browser.driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Sec-GPC", "1")));

            browser.driver.get(console + "/privacy");
            browser.find("#custodian");
            browser.screenshot("20-privacy-center-home");

            browser.driver.get(console + "/privacy/preferences");
            String notice = browser.find("#gpc-notice").getText().toLowerCase();
            assertTrue(notice.contains("advertising"), notice);
            assertFalse(browser.find("#purpose-ADVERTISING_COOKIES").isSelected(), "advertising cookies are off");
            assertFalse(browser.find("#purpose-THIRD_PARTY_SHARING").isSelected(), "sharing is off");
            String visitorId = browser.find("#visitor-id").getText().trim();
            browser.screenshot("21-preferences-with-gpc");
            // recorded in account-service with the time and the source
            JsonNode consents = json(given().accept("application/json")
                    .get(stack.url("account-service") + "/public/consents/steward/" + visitorId).then().statusCode(200)
                    .extract().asString());
            for (String purpose : List.of("ADVERTISING_COOKIES", "THIRD_PARTY_SHARING")) {
                JsonNode choice = choice(consents, purpose);
                assertFalse(choice.path("granted").asBoolean(), consents.toPrettyString());
                assertEquals("GPC", choice.path("source").asText(), consents.toPrettyString());
                assertFalse(choice.path("at").isNull(), consents.toPrettyString());
            }

            // the access request, as that visitor
            String email = "visitor-" + RUN + "@example.org";
            browser.driver.get(console + "/privacy/request");
            browser.find("#type-access").click();
            browser.find("#rel-visitor").click();
            browser.find("#contact").sendKeys(email);
            browser.screenshot("22-request-form");
            browser.find("#send-request").click();
            browser.find("#code-form");
            assertFalse(browser.find("#request-id").getText().isBlank(), "the request number is shown");
            browser.screenshot("23-enter-code");

            browser.find("#code").sendKeys(codeFor(email, 1));
            browser.find("#send-code").click();
            browser.find("#request-status");
            browser.screenshot("24-status-verified");

            // the request moves on without an officer; the status page follows it to the end
            browser.await().withTimeout(Duration.ofSeconds(120)).pollingEvery(Duration.ofSeconds(2)).until(d -> {
                d.navigate().refresh();
                return !d.findElements(By.id("report-html")).isEmpty();
            });
            assertTrue(browser.all("#steps li").size() >= 1, "the steps are listed");
            browser.screenshot("25-status-completed");
            String statusPage = browser.driver.getCurrentUrl();
            assertTrue(statusPage.contains("/privacy/status/"), statusPage);

            browser.find("#report-html").click();
            browser.await().until(d -> d.getCurrentUrl().contains("/privacy/reports/"));
            browser.await().until(d -> !d.findElements(By.tagName("h1")).isEmpty());
            String report = browser.driver.findElement(By.tagName("body")).getText();
            assertTrue(report.toLowerCase().contains("advertising"), "the visitor's GPC choice is in their report: " + report);
            browser.screenshot("26-access-report");

            // the mail's status link leads to the same page
            String mail = stack.mailbox().messagesTo(email).get(0).body();
            assertTrue(mail.contains(console + "/privacy/status/"), "the mail links the status page");
        }
    }

    @Test
    void fiveWrongCodesLockTheCodeAndANewCodeIsNeeded() throws Exception {
        try (Chromium browser = new Chromium()) {
            String email = "locked-" + RUN + "@example.org";
            browser.driver.get(console + "/privacy/request");
            browser.find("#type-access").click();
            browser.find("#rel-visitor").click();
            browser.find("#contact").sendKeys(email);
            browser.find("#send-request").click();
            browser.find("#code-form");
            String right = codeFor(email, 1);
            String wrong = right.equals("000000") ? "111111" : "000000";
            for (int attempt = 1; attempt <= 5; attempt++) {
                String error = enter(browser, wrong);
                assertTrue(error.contains((5 - attempt) + " attempt"), "attempt " + attempt + ": " + error);
                if (attempt == 3) {
                    browser.screenshot("27-wrong-code");
                }
            }
            // the right code no longer works: this code is locked
            String locked = enter(browser, right).toLowerCase();
            assertTrue(locked.contains("new code"), locked);
            assertTrue(browser.all("#request-status").isEmpty(), "not verified by a locked code");
            browser.screenshot("28-code-locked");

            // a new code (the same answer whatever the address) unlocks it
            browser.find("#resend-email").sendKeys(email);
            WebElement resend = browser.find("#resend-code");
            resend.click();
            browser.await().until(ExpectedConditions.stalenessOf(resend));
            String fresh = codeFor(email, 2);
            browser.await().ignoring(StaleElementReferenceException.class).until(d -> {
                WebElement input = d.findElement(By.id("code"));
                input.clear();
                input.sendKeys(fresh);
                d.findElement(By.id("send-code")).click();
                return true;
            });
            browser.find("#request-status");
        }
    }

    /** Types a code, sends it and answers the error the next page shows (waiting for that page). */
    private static String enter(Chromium browser, String code) {
        // htmx swaps the page in place: an element found a moment ago may be gone, so each try starts over
        WebElement sent = browser.await().ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement input = d.findElement(By.id("code"));
            input.clear();
            input.sendKeys(code);
            WebElement send = d.findElement(By.id("send-code"));
            send.click();
            return send;
        });
        browser.await().until(ExpectedConditions.stalenessOf(sent));
        return browser.await().ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .until(d -> d.findElement(By.id("code-error")).getText());
    }

    /** The code in the {@code n}th mail to {@code email}, waiting for it to arrive. */
    private static String codeFor(String email, int n) {
        Mailbox mail = stack.mailbox();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> mail.messagesTo(email).size() >= n);
        String body = mail.messagesTo(email).get(n - 1).body();
        Matcher m = CODE.matcher(body);
        assertTrue(m.find(), "no 6-digit code in the mail: " + body);
        return m.group(1);
    }

    private static JsonNode choice(JsonNode consents, String purpose) {
        for (JsonNode c : consents.path("choices")) {
            if (purpose.equals(c.path("purpose").asText())) {
                return c;
            }
        }
        throw new AssertionError("no " + purpose + " in " + consents.toPrettyString());
    }

    private static JsonNode json(String text) throws java.io.IOException {
        return JSON.readTree(text);
    }
}
