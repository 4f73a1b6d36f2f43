package dev.steward.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URL;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in by the code flow, where each role lands, the navigation each role sees, refusal and sign-out. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ServicesStub.class)
class SignInTest {

    @TestHTTPResource("/")
    URL home;

    @TestHTTPResource("/requests")
    URL queue;

    @BeforeEach
    void services() {
        ServicesStub.server.resetAll();
        ServicesStub.server.stubFor(get(urlPathEqualTo("/request/requests")).willReturn(Stubs.json(Stubs.page(List.of()))));
        ServicesStub.server.stubFor(get(urlPathMatching("/disclosure/disclosure(s|-proposals)")).willReturn(Stubs.json(Stubs.page(List.of()))));
    }

    @Test
    void anOfficerSignsInThroughTheCodeFlowAndLandsOnTheQueueWithTheTokenPropagated() throws Exception {
        try (Browser browser = Browser.signedIn(home, "olivia", Set.of("privacy-officer"))) {
            HtmlPage page = (HtmlPage) browser.client.getCurrentWindow().getEnclosedPage();
            assertEquals(200, page.getWebResponse().getStatusCode());
            assertTrue(page.getUrl().getPath().endsWith("/requests"), page.getUrl().toString());
            assertEquals("Request queue", page.querySelector("h1").asNormalizedText());
            assertTrue(page.asNormalizedText().contains("Signed in as olivia"));
            ServicesStub.server.verify(getRequestedFor(urlPathEqualTo("/request/requests"))
                    .withHeader("Authorization", matching("Bearer ey.+")));
            assertEquals(List.of("/requests", "/reports/compliance", "/reports/metrics", "/disclosures", "/demands", "/holds",
                    "/subprocessors", "/transparency", "/ledger"), navigation(page));
        }
    }

    @Test
    void legalSeesLegalNavigationAndNoQueue() throws Exception {
        try (Browser browser = Browser.signedIn(home, "lena", Set.of("legal"))) {
            HtmlPage page = (HtmlPage) browser.client.getCurrentWindow().getEnclosedPage();
            assertTrue(page.getUrl().getPath().endsWith("/disclosures"), page.getUrl().toString());
            List<String> nav = navigation(page);
            assertTrue(nav.contains("/disclosures/new"), nav.toString());
            assertFalse(nav.contains("/requests"), nav.toString());
            Page refused = browser.fetch(queue);
            assertEquals(403, refused.getWebResponse().getStatusCode());
            assertTrue(((HtmlPage) refused).asNormalizedText().contains("not for your role"));
        }
    }

    @Test
    void anAuditorSeesOnlyReadOnlyPages() throws Exception {
        try (Browser browser = Browser.signedIn(home, "audrey", Set.of("auditor"))) {
            HtmlPage page = (HtmlPage) browser.client.getCurrentWindow().getEnclosedPage();
            assertEquals(List.of("/reports/compliance", "/reports/metrics", "/disclosures", "/demands", "/holds",
                    "/subprocessors", "/transparency", "/ledger"), navigation(page));
        }
    }

    @Test
    void aClientAdminIsToldTheConsoleIsNotForTheirRoleAndACustomerGetsOnlyMyPrivacy() throws Exception {
        try (Browser browser = Browser.signedIn(home, "someone", Set.of("client-admin"))) {
            HtmlPage page = (HtmlPage) browser.client.getCurrentWindow().getEnclosedPage();
            assertEquals(403, page.getWebResponse().getStatusCode());
            assertEquals("The console is not for your role", page.querySelector("h1").asNormalizedText());
            assertTrue(navigation(page).isEmpty());
        }
        try (Browser browser = Browser.signedIn(home, "someone", Set.of("customer"))) {
            HtmlPage landing = (HtmlPage) browser.client.getCurrentWindow().getEnclosedPage();
            assertEquals("/privacy/me", landing.getUrl().getPath(), "a customer is sent to My privacy");
            HtmlPage queuePage = browser.get(queue);
            assertEquals(403, queuePage.getWebResponse().getStatusCode(), "the back office stays closed to customers");
            assertEquals("The console is not for your role", queuePage.querySelector("h1").asNormalizedText());
            assertTrue(navigation(queuePage).isEmpty());
        }
    }

    @Test
    void aPageOpenedWithoutASessionGoesToSignInAndComesBackToIt() throws Exception {
        Browser.issueTokensFor("olivia", Set.of("privacy-officer"));
        try (Browser browser = Browser.anonymous()) {
            HtmlPage login = browser.get(new URL(queue + "?view=overdue"));
            assertTrue(login.getUrl().getPath().startsWith("/auth/realms/quarkus"), login.getUrl().toString());
            assertTrue(login.getUrl().getQuery().contains("code_challenge_method=S256"), "PKCE");
            login.getFormByName("form").getInputByName("username").type("olivia");
            HtmlPage back = login.getFormByName("form").getInputByValue("login").click();
            assertEquals("/requests", back.getUrl().getPath());
            assertTrue(back.getUrl().getQuery().contains("view=overdue"), back.getUrl().toString());
        }
    }

    @Test
    void theSessionIsAnEncryptedCookieTheBrowserCannotRead() throws Exception {
        try (Browser browser = Browser.signedIn(home, "olivia", Set.of("privacy-officer"))) {
            var session = browser.client.getCookieManager().getCookies().stream()
                    .filter(c -> c.getName().startsWith("q_session")).findFirst().orElseThrow();
            assertTrue(session.isHttpOnly(), "HttpOnly");
            assertFalse(session.getValue().contains(Browser.lastAccessToken), "the access token is not in the cookie as it is");
            assertFalse(session.getValue().contains(Browser.lastAccessToken.split("\\.")[1]), "nor its claims");
            String header = new String(Base64.getUrlDecoder().decode(session.getValue().split("\\.")[0]));
            assertTrue(header.contains("\"enc\""), "a JWE (encrypted): " + header);
        }
    }

    @Test
    void signOutEndsTheSessionAtKeycloakToo() throws Exception {
        try (Browser browser = Browser.signedIn(home, "olivia", Set.of("privacy-officer"))) {
            browser.client.getOptions().setRedirectEnabled(false);
            Page out = browser.fetch(new URL(home, "/logout"));
            assertEquals(302, out.getWebResponse().getStatusCode());
            String location = out.getWebResponse().getResponseHeaderValue("Location");
            assertTrue(location.contains("/protocol/openid-connect/end-session"), location);
            assertTrue(location.contains("post_logout_redirect_uri="), location);
            assertTrue(location.contains("signed-out"), location);
            assertTrue(browser.client.getCookieManager().getCookies().stream()
                    .noneMatch(c -> c.getName().startsWith("q_session")), "session cookie removed");
            Page again = browser.fetch(queue);
            assertEquals(302, again.getWebResponse().getStatusCode(), "signed out: back to sign-in");
        }
    }

    static List<String> navigation(HtmlPage page) {
        return page.querySelectorAll("nav.main a").stream().map(n -> ((HtmlAnchor) n).getHrefAttribute()).toList();
    }
}
