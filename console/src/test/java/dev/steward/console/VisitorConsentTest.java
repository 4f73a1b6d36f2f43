package dev.steward.console;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URL;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Consent for visitors (contract C3): the preference page with its first-party visitor cookie, Global
 * Privacy Control from the browser's Sec-GPC header, and the embeddable script's JSON endpoint with
 * CORS limited to the configured websites (%test: https://shop.example).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ServicesStub.class)
class VisitorConsentTest {

    @TestHTTPResource("/privacy/preferences")
    URL preferences;

    static final String NOTHING_SET = """
            {"org": "steward", "visitorId": "%s", "gpc": false, "choices": [
              {"purpose": "ANALYTICS_SHARING", "granted": false, "source": null, "at": null},
              {"purpose": "MARKETING", "granted": false, "source": null, "at": null},
              {"purpose": "THIRD_PARTY_SHARING", "granted": false, "source": null, "at": null},
              {"purpose": "MATERIALLY_DIFFERENT_PURPOSE", "granted": false, "source": null, "at": null},
              {"purpose": "ADVERTISING_COOKIES", "granted": false, "source": null, "at": null}]}""";
    static final String GPC_RECORDED = """
            {"org": "steward", "visitorId": "visitor-gpc-1", "gpc": true, "choices": [
              {"purpose": "ANALYTICS_SHARING", "granted": true, "source": "PREFERENCE_PAGE", "at": "2026-11-30T10:00:00Z"},
              {"purpose": "THIRD_PARTY_SHARING", "granted": false, "source": "GPC", "at": "2026-12-01T10:00:00Z"},
              {"purpose": "ADVERTISING_COOKIES", "granted": false, "source": "GPC", "at": "2026-12-01T10:00:00Z"}]}""";

    @BeforeEach
    void services() {
        ServicesStub.server.resetAll();
        ServicesStub.server.stubFor(get(urlPathMatching("/account/public/consents/steward/.*"))
                .willReturn(Stubs.json(NOTHING_SET.formatted("v"))));
        ServicesStub.server.stubFor(put(urlPathMatching("/account/public/consents/steward/.*"))
                .willReturn(Stubs.json(GPC_RECORDED)));
    }

    @Test
    void aFirstVisitGetsARandomVisitorIdInALaxFirstPartyCookieAndNothingIsAllowed() throws Exception {
        try (Browser browser = Browser.anonymous()) {
            HtmlPage page = browser.get(preferences);
            assertEquals(200, page.getWebResponse().getStatusCode());
            A11y.basics(page);
            A11y.noTokens(page);
            Cookie cookie = browser.client.getCookieManager().getCookie("steward_visitor");
            assertNotNull(cookie, "the visitor id cookie");
            assertTrue(cookie.getValue().matches("[A-Za-z0-9_-]{22}"), cookie.getValue());
            assertEquals("lax", cookie.getSameSite().toLowerCase());
            assertFalse(cookie.isSecure(), "plain http in tests: Secure only over https");
            assertEquals(cookie.getValue(), page.getElementById("visitor-id").asNormalizedText());
            assertFalse(((HtmlCheckBoxInput) page.getElementById("purpose-ADVERTISING_COOKIES")).isChecked());
            assertTrue(page.getElementById("gpc-notice") == null, "no GPC signal, no GPC notice");
            ServicesStub.server.verify(getRequestedFor(urlPathEqualTo("/account/public/consents/steward/" + cookie.getValue()))
                    .withHeader("Sec-GPC", absent()).withHeader("Authorization", absent()));
            ServicesStub.server.verify(0, putRequestedFor(urlPathMatching("/account/.*")));

            browser.get(preferences);
            assertEquals(cookie.getValue(), browser.client.getCookieManager().getCookie("steward_visitor").getValue(),
                    "the same visitor on the next visit");
        }
    }

    @Test
    void aBrowserSendingGpcIsToldSharingAndAdvertisingAreOffAndThatIsRecordedOnce() throws Exception {
        ServicesStub.server.stubFor(get(urlPathEqualTo("/account/public/consents/steward/visitor-gpc-1")).atPriority(1)
                .willReturn(Stubs.json(NOTHING_SET.formatted("visitor-gpc-1"))));
        try (Browser browser = Browser.anonymous()) {
            browser.client.addCookie("steward_visitor=visitor-gpc-1", preferences, null);
            browser.client.addRequestHeader("Sec-GPC", "1");
            HtmlPage page = browser.get(preferences);
            assertTrue(page.getElementById("gpc-notice").asNormalizedText().contains("Your browser asked us not to sell or share"));
            HtmlCheckBoxInput ads = (HtmlCheckBoxInput) page.getElementById("purpose-ADVERTISING_COOKIES");
            assertFalse(ads.isChecked());
            assertTrue(ads.isDisabled());
            assertTrue(((HtmlCheckBoxInput) page.getElementById("purpose-THIRD_PARTY_SHARING")).isDisabled());
            assertTrue(((HtmlCheckBoxInput) page.getElementById("purpose-ANALYTICS_SHARING")).isChecked(),
                    "the recorded answer shows the analytics choice made before");
            ServicesStub.server.verify(1, putRequestedFor(urlPathEqualTo("/account/public/consents/steward/visitor-gpc-1"))
                    .withHeader("Sec-GPC", equalTo("1")).withRequestBody(equalToJson("{\"choices\": {}, \"source\": \"GPC\"}")));

            ServicesStub.server.stubFor(get(urlPathEqualTo("/account/public/consents/steward/visitor-gpc-1")).atPriority(1)
                    .willReturn(Stubs.json(GPC_RECORDED)));
            browser.get(preferences);
            ServicesStub.server.verify(1, putRequestedFor(urlPathEqualTo("/account/public/consents/steward/visitor-gpc-1")));
        }
    }

    @Test
    void savingTheFormRecordsEveryPurposeFromThePreferencePageAndLeavesTheGpcOnesToTheSignal() throws Exception {
        try (Browser browser = Browser.anonymous()) {
            browser.client.addCookie("steward_visitor=visitor-gpc-1", preferences, null);
            ServicesStub.server.stubFor(get(urlPathEqualTo("/account/public/consents/steward/visitor-gpc-1")).atPriority(1)
                    .willReturn(Stubs.json(GPC_RECORDED)));
            browser.client.addRequestHeader("Sec-GPC", "1");
            HtmlPage page = browser.get(preferences);
            ((HtmlCheckBoxInput) page.getElementById("purpose-MARKETING")).setChecked(true);
            HtmlPage saved = page.getElementById("save-preferences").click();
            assertTrue(saved.getElementById("preferences-saved").asNormalizedText().contains("saved"));
            ServicesStub.server.verify(putRequestedFor(urlPathEqualTo("/account/public/consents/steward/visitor-gpc-1"))
                    .withHeader("Sec-GPC", equalTo("1")).withRequestBody(equalToJson("""
                            {"choices": {"ANALYTICS_SHARING": true, "MATERIALLY_DIFFERENT_PURPOSE": false, "MARKETING": true},
                             "source": "PREFERENCE_PAGE"}""")));
        }
    }

    @Test
    void thePreferenceFormWithoutTheCsrfTokenIsRefused() throws Exception {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("granted", "MARKETING")
                .when().post(preferences).then().statusCode(400);
        ServicesStub.server.verify(0, putRequestedFor(urlPathMatching("/account/.*")));
    }

    @Test
    void theEmbeddableScriptIsAPlainFileWithNoEvalAndNoInlineCode() throws Exception {
        String js = given().when().get(new URL(preferences, "/privacy/consent.js")).then().statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.containsString("javascript")).extract().asString();
        assertTrue(js.contains("window.StewardConsent") && js.contains("/privacy/consents/"));
        assertFalse(js.contains("eval(") || js.contains("new Function") || js.contains("innerHTML"), "CSP-safe");
        assertTrue(js.contains("SameSite=Lax"));
    }

    @Test
    void theJsonEndpointAnswersAnAllowedWebsiteWithCorsAndPassesOnTheGpcSignal() throws Exception {
        given().header("Origin", "https://shop.example").header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-type")
                .when().options(new URL(preferences, "/privacy/consents/acme/visitor-0042")).then().statusCode(204)
                .header("Access-Control-Allow-Origin", "https://shop.example")
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("PUT"))
                .header("Access-Control-Allow-Credentials", nullValue());
        ServicesStub.server.stubFor(put(urlPathEqualTo("/account/public/consents/acme/visitor-0042")).willReturn(Stubs.json("""
                {"org": "acme", "visitorId": "visitor-0042", "gpc": true, "choices": [
                  {"purpose": "ANALYTICS_SHARING", "granted": true, "source": "BANNER", "at": "2026-12-01T10:00:00Z"}]}""")));
        given().header("Origin", "https://shop.example").header("Sec-GPC", "1").contentType("application/json")
                .body("{\"choices\": {\"ANALYTICS_SHARING\": true, \"ADVERTISING_COOKIES\": true}}")
                .when().put(new URL(preferences, "/privacy/consents/acme/visitor-0042")).then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://shop.example")
                .body("gpc", is(true)).body("choices[0].purpose", is("ANALYTICS_SHARING"));
        ServicesStub.server.verify(putRequestedFor(urlPathEqualTo("/account/public/consents/acme/visitor-0042"))
                .withHeader("Sec-GPC", equalTo("1")).withHeader("Authorization", absent())
                .withRequestBody(equalToJson("""
                        {"choices": {"ANALYTICS_SHARING": true, "ADVERTISING_COOKIES": true}, "source": "BANNER"}""")));
    }

    @Test
    void theJsonEndpointRefusesOtherWebsitesAndBadIdsNamingTheField() throws Exception {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "PUT")
                .when().options(new URL(preferences, "/privacy/consents/acme/visitor-0042")).then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").when().get(new URL(preferences, "/privacy/consents/acme/visitor-0042"))
                .then().statusCode(403).contentType("application/problem+json").body("errors[0].field", is("Origin"));
        given().when().get(new URL(preferences, "/privacy/consents/acme/short")).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("visitorId"));
        given().contentType("application/json").body("[1, 2]")
                .when().put(new URL(preferences, "/privacy/consents/acme/visitor-0042")).then().statusCode(400)
                .body("errors[0].field", is("choices"));
        ServicesStub.server.stubFor(get(urlPathEqualTo("/account/public/consents/nosuch/visitor-0042")).willReturn(
                Stubs.problem(404, "Not found", "Organisation nosuch not found", "org", "is not an organisation")));
        given().when().get(new URL(preferences, "/privacy/consents/nosuch/visitor-0042")).then().statusCode(404)
                .contentType("application/problem+json").body("errors[0].field", is("org"));
        ServicesStub.server.verify(0, putRequestedFor(urlPathMatching("/account/.*")));
    }
}
