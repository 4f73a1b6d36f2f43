package dev.steward.console;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
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
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The officer's queue: rows and badges, filters sent to the service, paging, bulk approve and deny. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ServicesStub.class)
class QueuePageTest {

    @TestHTTPResource("/")
    URL home;

    @TestHTTPResource("/requests")
    URL queue;

    final UUID fresh = UUID.randomUUID();
    final UUID late = UUID.randomUUID();
    final UUID overdue = UUID.randomUUID();

    @BeforeEach
    void services() {
        ServicesStub.server.resetAll();
        ServicesStub.server.stubFor(get(urlPathEqualTo("/request/requests")).willReturn(Stubs.json(Stubs.page(List.of(
                Stubs.request(fresh, "ACCESS", "PENDING_VERIFICATION", 2, 30),
                Stubs.request(late, "ERASURE", "IN_PROGRESS", 25, 30),
                Stubs.request(overdue, "ACCESS", "FAILED", 33, 30)), "bmV4dA"))));
    }

    @Test
    void rowsShowDaysLeftAndTurnRedInTheLastQuarterOfTheWindow() throws Exception {
        try (Browser browser = Browser.signedIn(home, "olivia", Set.of("privacy-officer"))) {
            HtmlPage page = browser.get(queue);
            assertEquals("28 days left", badge(page, fresh).asNormalizedText());
            assertEquals("badge", badge(page, fresh).getAttribute("class"));
            assertEquals("5 days left", badge(page, late).asNormalizedText());
            assertEquals("badge urgent", badge(page, late).getAttribute("class"), "25 of 30 days gone: last quarter");
            assertEquals("3 days overdue", badge(page, overdue).asNormalizedText());
            assertEquals("badge urgent", badge(page, overdue).getAttribute("class"));
            assertNotNull(page.getAnchorByHref("/requests?cursor=bmV4dA"), "next page with the API's cursor");
        }
    }

    @Test
    void everyFilterAndTheSortGoToTheServiceAndThePageShowsItsRowsAsTheyCome() throws Exception {
        try (Browser browser = Browser.signedIn(home, "olivia", Set.of("privacy-officer"))) {
            HtmlPage page = browser.get(new URL(queue + "?status=FAILED&type=ERASURE&jurisdiction=CCPA"
                    + "&receivedFrom=2026-11-01&receivedTo=2026-11-30&subjectId=u-42&org=acme&sort=due"));
            ServicesStub.server.verify(getRequestedFor(urlPathEqualTo("/request/requests"))
                    .withQueryParam("status", equalTo("FAILED")).withQueryParam("type", equalTo("ERASURE"))
                    .withQueryParam("jurisdiction", equalTo("CCPA")).withQueryParam("receivedFrom", equalTo("2026-11-01"))
                    .withQueryParam("receivedTo", equalTo("2026-11-30")).withQueryParam("subjectId", equalTo("u-42"))
                    .withQueryParam("org", equalTo("acme")).withQueryParam("sort", equalTo("due"))
                    .withQueryParam("limit", equalTo("50")).withoutQueryParam("cursor"));
            assertEquals(3, page.querySelectorAll("tbody tr").size(), "the console filters nothing itself");
            assertEquals(List.of(fresh.toString(), late.toString(), overdue.toString()),
                    page.querySelectorAll("tbody td a.mono").stream().map(a -> a.asNormalizedText()).toList(),
                    "in the service's order");
            assertEquals("due", ((HtmlSelect) page.getElementById("f-sort")).getSelectedOptions().get(0).getValueAttribute());
            assertEquals("u-42", page.getElementById("f-subject").getAttribute("value"));
            String next = "/requests?status=FAILED&type=ERASURE&jurisdiction=CCPA&receivedFrom=2026-11-01"
                    + "&receivedTo=2026-11-30&subjectId=u-42&org=acme&sort=due&cursor=bmV4dA";
            assertNotNull(page.getAnchorByHref(next), "the next page repeats every filter with the cursor");

            browser.get(new URL(home, next));
            ServicesStub.server.verify(getRequestedFor(urlPathEqualTo("/request/requests"))
                    .withQueryParam("sort", equalTo("due")).withQueryParam("cursor", equalTo("bmV4dA")));
        }
    }

    @Test
    void theServicesRefusalOfAFilterOrACursorIsShownBesideItAndOffersTheFirstPage() throws Exception {
        ServicesStub.server.stubFor(get(urlPathEqualTo("/request/requests")).withQueryParam("cursor", equalTo("b2xk"))
                .willReturn(Stubs.problem(400, "Bad cursor", "The cursor belongs to another sort or other filters",
                        "cursor", "was issued for another sort")));
        ServicesStub.server.stubFor(get(urlPathEqualTo("/request/requests")).withQueryParam("org", equalTo("no such"))
                .willReturn(Stubs.problem(400, "Bad org", "org is not valid", "org", "must be letters, digits")));
        try (Browser browser = Browser.signedIn(home, "olivia", Set.of("privacy-officer"))) {
            HtmlPage stale = browser.get(new URL(queue + "?sort=received&cursor=b2xk"));
            assertEquals(400, stale.getWebResponse().getStatusCode());
            assertTrue(stale.getElementById("e-cursor").asNormalizedText().contains("was issued for another sort"));
            assertNotNull(stale.getAnchorByHref("/requests?sort=received"), "the first page with the same filters");

            HtmlPage badOrg = browser.get(new URL(queue + "?org=no+such"));
            assertEquals("true", badOrg.getElementById("f-org").getAttribute("aria-invalid"));
            assertTrue(badOrg.getElementById("e-org").asNormalizedText().contains("must be letters, digits"));

            HtmlPage badDate = browser.get(new URL(queue + "?receivedFrom=yesterday"));
            assertEquals(400, badDate.getWebResponse().getStatusCode());
            assertTrue(badDate.getElementById("e-from").asNormalizedText().contains("must be a date"));
            ServicesStub.server.verify(0, getRequestedFor(urlPathEqualTo("/request/requests"))
                    .withQueryParam("receivedFrom", equalTo("yesterday")));
        }
    }

    @Test
    void searchingARequestIdOpensItAndANonIdIsNamedBesideTheField() throws Exception {
        ServicesStub.server.stubFor(get(urlEqualTo("/request/requests/" + fresh)).willReturn(Stubs.json(
                Stubs.request(fresh, "ACCESS", "PENDING_VERIFICATION", 2, 30))));
        try (Browser browser = Browser.signedIn(home, "olivia", Set.of("privacy-officer"))) {
            HtmlPage found = browser.get(new URL(queue + "?id=" + fresh));
            assertEquals("/requests/" + fresh, found.getUrl().getPath());
            HtmlPage wrong = browser.get(new URL(queue + "?id=not-an-id"));
            assertEquals(400, wrong.getWebResponse().getStatusCode());
            assertTrue(wrong.getElementById("e-id").asNormalizedText().contains("is not a request id"));
        }
    }

    @Test
    void bulkApproveActsOnEachSelectedRowWithThePersonsTokenAndReportsEach() throws Exception {
        ServicesStub.server.stubFor(post(urlPathMatching("/request/requests/.*/approve")).willReturn(Stubs.json(
                Stubs.request(fresh, "ACCESS", "VERIFIED", 2, 30))));
        ServicesStub.server.stubFor(post(urlEqualTo("/request/requests/" + overdue + "/approve")).willReturn(
                Stubs.problem(409, "Not possible in this status", "A request that is FAILED cannot become VERIFIED",
                        "status", "FAILED")));
        try (Browser browser = Browser.signedIn(home, "olivia", Set.of("privacy-officer"))) {
            HtmlPage page = browser.get(queue);
            ((HtmlCheckBoxInput) page.getElementById("sel-" + fresh)).setChecked(true);
            ((HtmlCheckBoxInput) page.getElementById("sel-" + overdue)).setChecked(true);
            HtmlForm bulk = page.getForms().stream().filter(f -> "post".equalsIgnoreCase(f.getMethodAttribute()))
                    .findFirst().orElseThrow();
            HtmlPage done = bulk.getOneHtmlElementByAttribute("button", "type", "submit").click();
            String text = done.asNormalizedText();
            assertTrue(text.contains(fresh + "\tapproved"), text);
            assertTrue(text.contains("Not changed: A request that is FAILED cannot become VERIFIED"), text);
            ServicesStub.server.verify(1, postRequestedFor(urlEqualTo("/request/requests/" + fresh + "/approve"))
                    .withHeader("Authorization", matching("Bearer ey.+")));
            ServicesStub.server.verify(0, postRequestedFor(urlEqualTo("/request/requests/" + late + "/approve")));
        }
    }

    @Test
    void bulkDenySendsTheReasonCodeAndWithoutOneChangesNothing() throws Exception {
        ServicesStub.server.stubFor(post(urlPathMatching("/request/requests/.*/deny")).willReturn(Stubs.json(
                Stubs.request(late, "ERASURE", "DENIED", 25, 30))));
        try (Browser browser = Browser.signedIn(home, "olivia", Set.of("privacy-officer"))) {
            HtmlPage page = browser.get(queue);
            ((HtmlCheckBoxInput) page.getElementById("sel-" + late)).setChecked(true);
            ((HtmlSelect) page.getElementById("b-action")).setSelectedAttribute("deny", true);
            HtmlForm bulk = page.getForms().stream().filter(f -> "post".equalsIgnoreCase(f.getMethodAttribute()))
                    .findFirst().orElseThrow();
            HtmlPage refused = bulk.getOneHtmlElementByAttribute("button", "type", "submit").click();
            assertTrue(refused.asNormalizedText().contains("Denying needs a reason code: nothing was changed"));
            ServicesStub.server.verify(0, postRequestedFor(urlPathMatching("/request/requests/.*/deny")));

            page = browser.get(queue);
            ((HtmlCheckBoxInput) page.getElementById("sel-" + late)).setChecked(true);
            ((HtmlSelect) page.getElementById("b-action")).setSelectedAttribute("deny", true);
            ((HtmlSelect) page.getElementById("b-reason")).setSelectedAttribute("DUPLICATE", true);
            bulk = page.getForms().stream().filter(f -> "post".equalsIgnoreCase(f.getMethodAttribute())).findFirst()
                    .orElseThrow();
            HtmlPage done = bulk.getOneHtmlElementByAttribute("button", "type", "submit").click();
            assertTrue(done.asNormalizedText().contains(late + "\tdenied"), done.asNormalizedText());
            ServicesStub.server.verify(postRequestedFor(urlEqualTo("/request/requests/" + late + "/deny"))
                    .withRequestBody(equalToJson("{\"reasonCode\": \"DUPLICATE\", \"note\": null}")));
        }
    }

    private static DomElement badge(HtmlPage page, UUID id) {
        DomElement row = (DomElement) page.getElementById("sel-" + id).getParentNode().getParentNode();
        return row.querySelector(".badge");
    }
}
