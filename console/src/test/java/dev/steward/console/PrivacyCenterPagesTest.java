package dev.steward.console;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URL;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Privacy Center's home and policy pages: public, no token, the Custodian's contact, the versions (§14, §16). */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ServicesStub.class)
class PrivacyCenterPagesTest {

    @TestHTTPResource("/privacy")
    URL privacy;

    static final String V2 = """
            {"number": "2026-11", "effectiveDate": "2026-11-01", "summary": "Adds the Privacy Center and Global Privacy Control",
             "url": null, "sha256": "ab12", "publishedAt": "2026-10-20T09:00:00Z", "textAvailable": true}""";
    static final String V1 = """
            {"number": "2018-05", "effectiveDate": "2018-05-25", "summary": "First version",
             "url": "https://influxis.com/privacy", "sha256": "cd34", "publishedAt": "2018-05-20T09:00:00Z", "textAvailable": false}""";

    @BeforeEach
    void services() {
        ServicesStub.server.resetAll();
        ServicesStub.server.stubFor(get(urlEqualTo("/account/policy-versions/current")).willReturn(Stubs.json(V2)));
        ServicesStub.server.stubFor(get(urlEqualTo("/account/policy-versions/2026-11")).willReturn(Stubs.json(V2)));
        ServicesStub.server.stubFor(get(urlEqualTo("/account/policy-versions/2018-05")).willReturn(Stubs.json(V1)));
        ServicesStub.server.stubFor(get(urlEqualTo("/account/policy-versions/2026-11/text")).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withHeader("Content-Type", "text/plain; charset=UTF-8")
                        .withBody("14. Enforcement\nPlease contact our Custodian of Records <script>alert(1)</script>")));
        ServicesStub.server.stubFor(get(urlPathEqualTo("/account/policy-versions")).willReturn(Stubs.json(Stubs.page(List.of(V1, V2)))));
    }

    @Test
    void theHomePageNeedsNoSignInAndNamesTheRightsAndTheCustodianOfRecords() throws Exception {
        try (Browser browser = Browser.anonymous()) {
            HtmlPage home = browser.get(privacy);
            assertEquals(200, home.getWebResponse().getStatusCode());
            assertEquals("/privacy", home.getUrl().getPath(), "not sent to sign in");
            A11y.basics(home);
            A11y.noTokens(home);
            String custodian = home.getElementById("custodian").asNormalizedText();
            assertTrue(custodian.contains("Custodian of Records") && custodian.contains("25061 Avenue Stanford, Suite 10")
                    && custodian.contains("Santa Clarita, CA 91355") && custodian.contains("privacy@influxis.com"), custodian);
            String text = home.asNormalizedText();
            for (String right : List.of("See your data", "Correct your data", "Delete your data", "Limit or object", "Complain")) {
                assertTrue(text.contains(right), right);
            }
            assertNotNull(home.getElementById("start-request"));
            assertEquals("Privacy Center", home.querySelector("header .brand").asNormalizedText(), "the same look, its own name");
            assertTrue(home.getTitleText().endsWith("Privacy Center"));
            assertTrue(home.getWebResponse().getResponseHeaderValue("Content-Security-Policy").contains("script-src 'self'"));
        }
    }

    @Test
    void thePolicyShowsTheCurrentVersionItsChangesItsTextAndTheHistory() throws Exception {
        try (Browser browser = Browser.anonymous()) {
            HtmlPage policy = browser.get(new URL(privacy, "/privacy/policy"));
            A11y.basics(policy);
            assertTrue(policy.getElementById("policy-version").asNormalizedText().contains("2026-11"));
            assertTrue(policy.getElementById("policy-version").asNormalizedText().contains("the current version"));
            assertEquals("Adds the Privacy Center and Global Privacy Control", policy.getElementById("policy-summary").asNormalizedText());
            assertTrue(policy.getElementById("policy-text").asNormalizedText().contains("<script>alert(1)</script>"),
                    "the text is shown as text, escaped");
            assertEquals(0, policy.querySelectorAll("#policy-text script").size());
            List<String> history = policy.querySelectorAll("#policy-history tbody tr td:first-child").stream()
                    .map(n -> n.asNormalizedText()).toList();
            assertEquals(List.of("2026-11", "2018-05"), history, "newest first");

            HtmlPage old = policy.getAnchorByHref("/privacy/policy/2018-05").click();
            assertTrue(old.getElementById("policy-version").asNormalizedText().contains("not the current version"));
            assertNotNull(old.getAnchorByHref("https://influxis.com/privacy"), "published as a url: the link and its hash");
            ServicesStub.server.verify(0, anyRequestedFor(anyUrl()).withHeader("Authorization", matching(".*")));
        }
    }

    @Test
    void noPublishedPolicyIsSaidPlainlyWithTheContact() throws Exception {
        ServicesStub.server.stubFor(get(urlEqualTo("/account/policy-versions/current")).atPriority(1)
                .willReturn(Stubs.problem(404, "Not found", "A policy version in force not found", "number", "none")));
        ServicesStub.server.stubFor(get(urlPathEqualTo("/account/policy-versions")).atPriority(1)
                .willReturn(Stubs.json(Stubs.page(List.of()))));
        try (Browser browser = Browser.anonymous()) {
            HtmlPage policy = browser.get(new URL(privacy, "/privacy/policy"));
            assertEquals(404, policy.getWebResponse().getStatusCode());
            assertTrue(policy.getElementById("no-policy").asNormalizedText().contains("privacy@influxis.com"));
        }
    }

    @Test
    void aServiceThatIsDownShowsNothingWasChanged() throws Exception {
        ServicesStub.server.stubFor(get(urlEqualTo("/account/policy-versions/current")).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)));
        try (Browser browser = Browser.anonymous()) {
            HtmlPage policy = browser.get(new URL(privacy, "/privacy/policy"));
            assertEquals(503, policy.getWebResponse().getStatusCode());
            assertTrue(policy.asNormalizedText().toLowerCase().contains("nothing was changed"));
        }
    }
}
