package dev.steward.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A visitor's request through the Privacy Center (contract C2): the form (honeypot, CSRF, field errors,
 * 429), a Client's end user passed on, the code (wrong, locked, expired, resend), the status page
 * and the report through its signed link, re-verifying later. No token ever goes to a service.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ServicesStub.class)
class PrivacyRequestTest {

    @TestHTTPResource("/privacy")
    URL privacy;

    final UUID id = UUID.randomUUID();
    final String token = "st_" + UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    void services() {
        ServicesStub.server.resetAll();
        ServicesStub.server.stubFor(post(urlEqualTo("/request/public/requests")).willReturn(Stubs.json("""
                {"id": "%s", "type": "ACCESS", "status": "PENDING_VERIFICATION", "receivedAt": "2026-12-01T10:00:00Z",
                 "dueAt": "2026-12-31T10:00:00Z"}""".formatted(id)).withStatus(201)));
    }

    private HtmlPage form(Browser browser) throws Exception {
        return browser.get(new URL(privacy, "/privacy/request"));
    }

    private static HtmlPage send(HtmlPage page) throws Exception {
        return page.getElementById("send-request").click();
    }

    @Test
    void aVisitorsAccessRequestGoesWithoutATokenWithTheVisitorsAddressAndAsksForTheCode() throws Exception {
        try (Browser browser = Browser.anonymous()) {
            HtmlPage page = form(browser);
            A11y.basics(page);
            A11y.noTokens(page);
            ((HtmlRadioButtonInput) page.getElementById("type-access")).setChecked(true);
            page.getElementById("subjectId").setAttribute("value", "visitor-0042");
            page.getElementById("contact").setAttribute("value", "pat@example.org");
            HtmlPage code = send(page);
            assertEquals("/privacy/verify/" + id, code.getUrl().getPath());
            assertTrue(code.getElementById("code-notice").asNormalizedText().contains("6-digit code"));
            A11y.basics(code);
            ServicesStub.server.verify(postRequestedFor(urlEqualTo("/request/public/requests"))
                    .withHeader("X-Forwarded-For", equalTo("127.0.0.1"))
                    .withHeader("Idempotency-Key", matching("[0-9a-f-]{36}"))
                    .withHeader("Authorization", absent())
                    .withRequestBody(equalToJson("""
                            {"type": "ACCESS", "subject": {"org": "steward", "kind": "VISITOR", "id": "visitor-0042"},
                             "contact": "pat@example.org"}""")));
        }
    }

    @Test
    void aFirstTimeVisitorIsGivenTheirVisitorIdOnTheForm() throws Exception {
        try (Browser browser = Browser.anonymous()) {
            HtmlPage page = form(browser);
            String id = page.getElementById("subjectId").getAttribute("value");
            assertTrue(id.matches("[A-Za-z0-9_-]{22}"), "a random visitor id: " + id);
            assertEquals(id, browser.client.getCookieManager().getCookie("steward_visitor").getValue(),
                    "kept in the first-party cookie, as the preferences page does");
            assertEquals(id, form(browser).getElementById("subjectId").getAttribute("value"), "the same on the next visit");
        }
    }

    @Test
    void aClientsEndUserIsToldTheClientIsTheControllerAndTheRequestWasPassedOn() throws Exception {
        ServicesStub.server.stubFor(post(urlEqualTo("/request/public/requests")).atPriority(1).willReturn(Stubs.json("""
                {"id": "%s", "type": "ERASURE", "status": "ROUTED_TO_CONTROLLER", "receivedAt": "2026-12-01T10:00:00Z",
                 "dueAt": "2026-12-31T10:00:00Z"}""".formatted(id)).withStatus(201)));
        try (Browser browser = Browser.anonymous()) {
            HtmlPage page = form(browser);
            ((HtmlRadioButtonInput) page.getElementById("type-erasure")).setChecked(true);
            ((HtmlRadioButtonInput) page.getElementById("rel-enduser")).setChecked(true);
            page.getElementById("org").setAttribute("value", "acme");
            page.getElementById("subjectId").setAttribute("value", "acme-1001");
            page.getElementById("contact").setAttribute("value", "pat@example.org");
            ((HtmlRadioButtonInput) page.getElementById("type-erasure")).setChecked(true);
            HtmlPage passed = send(page);
            assertEquals(200, passed.getWebResponse().getStatusCode());
            String text = passed.getElementById("passed-on").asNormalizedText();
            assertTrue(text.contains("acme") && text.contains("controller") && text.contains("passed your request on"), text);
            assertEquals(id.toString(), passed.getElementById("request-id").asNormalizedText());
            A11y.basics(passed);
            ServicesStub.server.verify(postRequestedFor(urlEqualTo("/request/public/requests"))
                    .withRequestBody(matchingJsonPath("$.subject.org", equalTo("acme")))
                    .withRequestBody(matchingJsonPath("$.subject.kind", equalTo("END_USER"))));
        }
    }

    @Test
    void aFilledHoneypotSendsNothingAndABotSeesTheUsualAnswer() throws Exception {
        try (Browser browser = Browser.anonymous()) {
            HtmlPage page = form(browser);
            ((HtmlRadioButtonInput) page.getElementById("type-access")).setChecked(true);
            page.getElementById("subjectId").setAttribute("value", "visitor-0042");
            page.getElementById("contact").setAttribute("value", "bot@example.org");
            page.getElementById("website").setAttribute("value", "https://spam.example");
            HtmlPage answer = send(page);
            assertEquals(200, answer.getWebResponse().getStatusCode());
            assertTrue(answer.getElementById("received").asNormalizedText().contains("check your e-mail"));
            A11y.basics(answer);
            ServicesStub.server.verify(0, postRequestedFor(anyUrl()));
        }
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedAndReachesNoService() throws Exception {
        try (Browser browser = Browser.anonymous()) {
            form(browser);
            WebRequest forged = new WebRequest(new URL(privacy, "/privacy/request"), HttpMethod.POST);
            forged.setRequestParameters(List.of(new NameValuePair("type", "ERASURE"), new NameValuePair("relation", "VISITOR"),
                    new NameValuePair("subjectId", "visitor-0042"), new NameValuePair("contact", "x@example.org")));
            Page answer = browser.client.getPage(forged);
            assertEquals(400, answer.getWebResponse().getStatusCode());
            WebRequest forgedCode = new WebRequest(new URL(privacy, "/privacy/verify/" + id), HttpMethod.POST);
            forgedCode.setRequestParameters(List.of(new NameValuePair("code", "123456")));
            assertEquals(400, browser.client.getPage(forgedCode).getWebResponse().getStatusCode());
            ServicesStub.server.verify(0, postRequestedFor(anyUrl()));
        }
    }

    @Test
    void theServicesRefusalIsShownBesideTheFieldsAndA429SaysHowLongToWait() throws Exception {
        ServicesStub.server.stubFor(post(urlEqualTo("/request/public/requests")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.contact", equalTo("not-an-address")))
                .willReturn(Stubs.problem(400, "Invalid request", "contact is not valid", "contact", "must be a well-formed email address")));
        ServicesStub.server.stubFor(post(urlEqualTo("/request/public/requests")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.contact", equalTo("busy@example.org")))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
                        .withHeader("Content-Type", "application/problem+json").withBody("""
                                {"type": "https://steward.dev/problems/rate-limited", "title": "Too many requests", "status": 429,
                                 "detail": "Too many requests from your address; try again in 120 seconds"}""")));
        try (Browser browser = Browser.anonymous()) {
            HtmlPage page = form(browser);
            ((HtmlRadioButtonInput) page.getElementById("type-access")).setChecked(true);
            page.getElementById("subjectId").setAttribute("value", "visitor-0042");
            page.getElementById("contact").setAttribute("value", "not-an-address");
            HtmlPage refused = send(page);
            assertEquals(400, refused.getWebResponse().getStatusCode());
            assertEquals("true", refused.getElementById("contact").getAttribute("aria-invalid"));
            assertTrue(refused.getElementById("e-contact").asNormalizedText().contains("well-formed email"));
            assertEquals("visitor-0042", refused.getElementById("subjectId").getAttribute("value"), "kept as typed");
            assertTrue(((HtmlRadioButtonInput) refused.getElementById("type-access")).isChecked());
            A11y.basics(refused);

            refused.getElementById("contact").setAttribute("value", "busy@example.org");
            HtmlPage busy = send(refused);
            assertEquals(429, busy.getWebResponse().getStatusCode());
            assertEquals("120", busy.getWebResponse().getResponseHeaderValue("Retry-After"));
            assertTrue(busy.getElementById("too-many").asNormalizedText().contains("wait about 2 minutes"),
                    busy.getElementById("too-many").asNormalizedText());
        }
    }

    @Test
    void aWrongCodeSaysHowManyTriesAreLeftAndALockedOrExpiredOneExplainsHowToGetANewOne() throws Exception {
        String verification = "/request/public/requests/" + id + "/verification";
        ServicesStub.server.stubFor(post(urlEqualTo(verification)).withRequestBody(matchingJsonPath("$.code", equalTo("111111")))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type": "https://steward.dev/problems/wrong-code", "title": "Wrong code", "status": 422, "attemptsLeft": 2}""")));
        ServicesStub.server.stubFor(post(urlEqualTo(verification)).withRequestBody(matchingJsonPath("$.code", equalTo("222222")))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type": "https://steward.dev/problems/code-locked", "title": "Code locked", "status": 409}""")));
        ServicesStub.server.stubFor(post(urlEqualTo(verification)).withRequestBody(matchingJsonPath("$.code", equalTo("333333")))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type": "https://steward.dev/problems/code-expired", "title": "Code expired", "status": 409}""")));
        try (Browser browser = Browser.anonymous()) {
            HtmlPage page = browser.get(new URL(privacy, "/privacy/verify/" + id));
            HtmlPage wrong = enter(page, "111 111");
            assertEquals(422, wrong.getWebResponse().getStatusCode());
            assertTrue(wrong.getElementById("code-error").asNormalizedText().contains("You have 2 attempts left"));
            assertEquals("true", wrong.getElementById("code").getAttribute("aria-invalid"));

            HtmlPage locked = enter(wrong, "222222");
            assertEquals(409, locked.getWebResponse().getStatusCode());
            assertTrue(locked.getElementById("code-error").asNormalizedText().contains("locked after 5 wrong tries"));
            assertEquals("Get a new code", locked.getElementById("new-code").asNormalizedText());

            HtmlPage expired = enter(locked, "333333");
            assertTrue(expired.getElementById("code-error").asNormalizedText().contains("expired"));

            HtmlPage notDigits = enter(expired, "12ab");
            assertEquals(400, notDigits.getWebResponse().getStatusCode());
            ServicesStub.server.verify(0, postRequestedFor(urlEqualTo(verification))
                    .withRequestBody(matchingJsonPath("$.code", equalTo("12ab"))));
            ServicesStub.server.verify(postRequestedFor(urlEqualTo(verification)).withHeader("X-Forwarded-For", equalTo("127.0.0.1"))
                    .withRequestBody(equalToJson("{\"code\": \"111111\"}")));
        }
    }

    @Test
    void aResendAnswersTheSameWhateverTheAddressAndTheRightCodeOpensTheStatusPageWithTheReport() throws Exception {
        ServicesStub.server.stubFor(post(urlEqualTo("/request/public/requests/" + id + "/code"))
                .willReturn(Stubs.json("{\"sent\": true}").withStatus(202)));
        ServicesStub.server.stubFor(post(urlEqualTo("/request/public/requests/" + id + "/verification"))
                .willReturn(Stubs.json("{\"id\": \"%s\", \"status\": \"VERIFIED\", \"statusToken\": \"%s\"}".formatted(id, token))));
        ServicesStub.server.stubFor(get(urlEqualTo("/request/public/status/" + token)).willReturn(Stubs.json("""
                {"id": "%s", "type": "ACCESS", "status": "COMPLETED", "receivedAt": "2026-12-01T10:00:00Z",
                 "dueAt": "2026-12-31T10:00:00Z", "respondedAt": "2026-12-02T10:00:00Z",
                 "steps": [{"name": "Identity confirmed by e-mail", "status": "DONE", "at": "2026-12-01T10:05:00Z"},
                           {"name": "Collect your data", "status": "DONE", "at": "2026-12-02T09:00:00Z"}],
                 "outcome": null, "reportLink": "/public/reports/%s?expires=1893456000&signature=c2ln"}""".formatted(id, id))));
        ServicesStub.server.stubFor(get(urlPathEqualTo("/request/public/reports/" + id)).willReturn(Stubs.json("{\"subject\": \"you\"}")));
        try (Browser browser = Browser.anonymous()) {
            HtmlPage page = browser.get(new URL(privacy, "/privacy/verify/" + id));
            page.getElementById("resend-email").setAttribute("value", "pat@example.org");
            HtmlPage resent = page.getElementById("resend-code").click();
            assertEquals(200, resent.getWebResponse().getStatusCode());
            assertTrue(resent.getElementById("code-notice").asNormalizedText().contains("If this is the address"));
            ServicesStub.server.verify(postRequestedFor(urlEqualTo("/request/public/requests/" + id + "/code"))
                    .withRequestBody(equalToJson("{\"email\": \"pat@example.org\"}")));

            HtmlPage status = enter(resent, "123456");
            assertEquals("/privacy/status/" + token, status.getUrl().getPath());
            A11y.basics(status);
            assertEquals("Done", status.getElementById("request-status").asNormalizedText());
            assertEquals(List.of("Identity confirmed by e-mail: Done (1 December 2026)", "Collect your data: Done (2 December 2026)"),
                    status.querySelectorAll("#steps li").stream().map(n -> n.asNormalizedText()).toList());
            String reportHref = status.getElementById("report-json").getAttribute("href");
            assertEquals("/privacy/reports/" + id + "?expires=1893456000&signature=c2ln", reportHref);
            Page report = browser.fetch(new URL(privacy, reportHref));
            assertEquals("{\"subject\": \"you\"}", report.getWebResponse().getContentAsString());
            assertTrue(report.getWebResponse().getResponseHeaderValue("Content-Disposition").startsWith("attachment"));
            ServicesStub.server.verify(getRequestedFor(urlPathEqualTo("/request/public/reports/" + id))
                    .withQueryParam("expires", equalTo("1893456000")).withQueryParam("signature", equalTo("c2ln")));

            // the page to read keeps its own stylesheet: a policy of its own allows exactly that, by hash
            String style = "body{font:16px system-ui}";
            ServicesStub.server.stubFor(get(urlPathEqualTo("/request/public/reports/" + id)).withQueryParam("format", equalTo("html"))
                    .willReturn(aResponse().withHeader("Content-Type", "text/html;charset=UTF-8")
                            .withBody("<!doctype html><html lang=\"en\"><head><style>" + style + "</style></head><body><h1>Your personal data</h1></body></html>")));
            Page readable = browser.fetch(new URL(privacy, status.getElementById("report-html").getAttribute("href")));
            String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(style.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            List<String> policies = readable.getWebResponse().getResponseHeaders().stream()
                    .filter(h -> h.getName().equalsIgnoreCase("Content-Security-Policy")).map(h -> h.getValue()).toList();
            assertEquals(1, policies.size(), "one policy: " + policies);
            assertTrue(policies.get(0).contains("style-src 'sha256-" + hash + "'"), policies.get(0));
            assertTrue(policies.get(0).startsWith("default-src 'none'"), policies.get(0));
            ServicesStub.server.verify(0, anyRequestedFor(anyUrl()).withHeader("Authorization", matching(".*")));
        }
    }

    @Test
    void reVerifyingLaterSendsANewCodeForTheRequestIdAndEmailAndAnUnknownStatusLinkSaysHowToGetANewOne() throws Exception {
        ServicesStub.server.stubFor(post(urlEqualTo("/request/public/requests/" + id + "/code"))
                .willReturn(Stubs.json("{\"sent\": true}").withStatus(202)));
        ServicesStub.server.stubFor(get(urlPathEqualTo("/request/public/status/nope"))
                .willReturn(Stubs.problem(404, "Not found", "Status link not found", "statusToken", "unknown")));
        try (Browser browser = Browser.anonymous()) {
            HtmlPage lookup = browser.get(new URL(privacy, "/privacy/status"));
            A11y.basics(lookup);
            lookup.getElementById("requestId").setAttribute("value", "not-a-number");
            lookup.getElementById("lookup-email").setAttribute("value", "pat@example.org");
            HtmlPage bad = lookup.getElementById("lookup-send").click();
            assertEquals(400, bad.getWebResponse().getStatusCode());
            assertTrue(bad.getElementById("e-requestId").asNormalizedText().contains("number from our e-mail"));

            bad.getElementById("requestId").setAttribute("value", id.toString());
            HtmlPage code = bad.getElementById("lookup-send").click();
            assertEquals("/privacy/verify/" + id, code.getUrl().getPath());
            assertNotNull(code.getElementById("code-form"));
            ServicesStub.server.verify(postRequestedFor(urlEqualTo("/request/public/requests/" + id + "/code"))
                    .withRequestBody(equalToJson("{\"email\": \"pat@example.org\"}")));

            HtmlPage expiredReport = browser.get(new URL(privacy, "/privacy/reports/" + id + "?expires=1&signature=b2xk"));
            assertEquals(404, expiredReport.getWebResponse().getStatusCode(), "an expired link (the service answers 404)");
            assertTrue(expiredReport.getElementById("link-error").asNormalizedText().contains("ask for a new code"));

            ServicesStub.server.stubFor(get(urlPathEqualTo("/request/public/status/busy")).willReturn(aResponse().withStatus(429)
                    .withHeader("Retry-After", "30").withHeader("Content-Type", "application/problem+json").withBody("""
                            {"type": "https://steward.dev/problems/rate-limited", "title": "Too many requests", "status": 429,
                             "detail": "Too many look-ups from your address; try again in 30 seconds"}""")));
            HtmlPage busy = browser.get(new URL(privacy, "/privacy/status/busy"));
            assertEquals(429, busy.getWebResponse().getStatusCode());
            assertEquals("30", busy.getWebResponse().getResponseHeaderValue("Retry-After"));
            assertTrue(busy.asNormalizedText().contains("try again in 30 seconds"));

            HtmlPage unknown = browser.get(new URL(privacy, "/privacy/status/nope"));
            assertEquals(404, unknown.getWebResponse().getStatusCode());
            assertNotNull(unknown.getElementById("link-error"));
            A11y.basics(unknown);
            assertNull(unknown.getElementById("steps"));
        }
    }

    private static HtmlPage enter(HtmlPage page, String code) throws Exception {
        page.getElementById("code").setAttribute("value", code);
        HtmlForm form = (HtmlForm) page.getElementById("code-form");
        return form.getOneHtmlElementByAttribute("button", "type", "submit").click();
    }

    @Test
    void neitherTheAddressNorTheCodeReachesTheConsolesLog() throws Exception {
        ServicesStub.server.stubFor(post(urlEqualTo("/request/public/requests/" + id + "/verification"))
                .willReturn(aResponse().withStatus(503)));
        LogCapture capture = new LogCapture();
        List<String> lines = capture.lines;
        try (Browser browser = Browser.anonymous()) {
            HtmlPage page = form(browser);
            ((HtmlRadioButtonInput) page.getElementById("type-access")).setChecked(true);
            page.getElementById("subjectId").setAttribute("value", "visitor-k4v2-private");
            page.getElementById("contact").setAttribute("value", "pat-x7q9@example.org");
            HtmlPage code = send(page);
            HtmlPage down = enter(code, "918273");
            assertEquals(503, down.getWebResponse().getStatusCode());
        } finally {
            capture.close();
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("peer unavailable")), "the capture sees the console's log: " + lines);
        assertTrue(lines.stream().noneMatch(l -> l.contains("x7q9") || l.contains("918273") || l.contains("k4v2")),
                "no address, code or subject in the log: " + lines);
    }
}
