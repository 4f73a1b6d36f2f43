package dev.steward.console;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import java.util.Set;
import java.util.UUID;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "My privacy": a customer signs in to the console and sees their own requests and consents, with their own token. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ServicesStub.class)
class MyPrivacyTest {

    @TestHTTPResource("/")
    URL home;

    final UUID mine = UUID.randomUUID();

    @BeforeEach
    void services() {
        ServicesStub.server.resetAll();
        ServicesStub.server.stubFor(get(urlPathEqualTo("/request/requests")).willReturn(Stubs.json(Stubs.page(List.of(
                Stubs.request(mine, "ACCESS", "IN_PROGRESS", 3, 30))))));
        ServicesStub.server.stubFor(get(urlEqualTo("/account/me/consents")).willReturn(Stubs.json("""
                {"subject": {"org": "steward", "kind": "ACCOUNT", "id": "carol"}, "restricted": false,
                 "purposes": {"ANALYTICS_SHARING": true, "MARKETING": false, "THIRD_PARTY_SHARING": false,
                              "MATERIALLY_DIFFERENT_PURPOSE": false}}""")));
    }

    @Test
    void aCustomerWhoSignsInLandsOnMyPrivacyWithTheirOwnRequestsAndConsents() throws Exception {
        try (Browser browser = Browser.signedIn(home, "carol", Set.of("customer"))) {
            HtmlPage page = (HtmlPage) browser.client.getCurrentWindow().getEnclosedPage();
            assertEquals("/privacy/me", page.getUrl().getPath(), "a customer's landing page");
            A11y.basics(page);
            A11y.noTokens(page);
            String requests = page.getElementById("my-requests-table").asNormalizedText();
            assertTrue(requests.contains(mine.toString()) && requests.contains("See my data") && requests.contains("Being carried out"),
                    requests);
            String consents = page.getElementById("my-consents-table").asNormalizedText();
            assertTrue(consents.contains("Sharing with analytics and support services (§3)\tYes"), consents);
            assertTrue(consents.contains("Sharing your data with third parties (§6)\tNo"), consents);
            ServicesStub.server.verify(getRequestedFor(urlPathEqualTo("/request/requests"))
                    .withHeader("Authorization", matching("Bearer ey.+")));
            ServicesStub.server.verify(getRequestedFor(urlEqualTo("/account/me/consents"))
                    .withHeader("Authorization", matching("Bearer ey.+")));
        }
    }

    @Test
    void myPrivacyAsksForSignInAndIsNotForAClientAdmin() throws Exception {
        try (Browser browser = Browser.anonymous()) {
            HtmlPage login = browser.get(new URL(home, "/privacy/me"));
            assertNotNull(login.getFormByName("form"), "the sign-in form of the OIDC server");
        }
        try (Browser browser = Browser.signedIn(home, "acme-admin", Set.of("client-admin"))) {
            HtmlPage refused = browser.get(new URL(home, "/privacy/me"));
            assertEquals(403, refused.getWebResponse().getStatusCode());
            assertEquals("The console is not for your role", refused.querySelector("h1").asNormalizedText());
        }
    }
}
