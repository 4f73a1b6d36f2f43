package dev.steward.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import java.util.Set;
import java.util.UUID;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One request: the facts, the timeline newest first, only valid actions, refusals on the page, the report. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ServicesStub.class)
class RequestPageTest {

    @TestHTTPResource("/")
    URL home;

    final UUID id = UUID.randomUUID();

    @BeforeEach
    void services() {
        ServicesStub.server.resetAll();
    }

    @Test
    void aPendingRequestOffersApproveDenyExtendCancelAndShowsItsTimelineNewestFirst() throws Exception {
        stubRequest("PENDING_VERIFICATION", """
                "events": [{"seq": 1, "from": null, "to": "RECEIVED", "actor": "acme-admin", "at": "2026-11-01T10:00:00Z"},
                           {"seq": 2, "from": "RECEIVED", "to": "PENDING_VERIFICATION", "actor": "system", "at": "2026-11-01T10:00:01Z"}],
                "executionLog": [{"step": "export", "attempt": 2, "startedAt": "2026-11-01T10:05:00Z",
                                  "finishedAt": "2026-11-01T10:05:01Z", "outcome": "FAILED", "detail": "account-service did not answer"}]""");
        try (Browser browser = Browser.signedIn(home, "olivia", Set.of("privacy-officer"))) {
            HtmlPage page = browser.get(new URL(home, "/requests/" + id));
            assertEquals(List.of("approve", "deny", "extend", "cancel"), actions(page));
            List<String> timeline = page.querySelectorAll("tbody tr").stream().map(r -> r.asNormalizedText()).toList();
            assertTrue(timeline.get(0).contains("step export (attempt 2): FAILED"), timeline.toString());
            assertTrue(timeline.get(0).contains("account-service did not answer"), timeline.toString());
            assertTrue(timeline.get(1).contains("RECEIVED → PENDING_VERIFICATION"), timeline.toString());
            assertTrue(page.asNormalizedText().contains("acme/END_USER/u-"), "the subject");
        }
    }

    @Test
    void anOpenComplaintShowsItsNotesAndTakesANoteAndAResolution() throws Exception {
        String base = Stubs.request(id, "COMPLAINT", "IN_PROGRESS", 3, 30);
        ServicesStub.server.stubFor(get(urlEqualTo("/request/requests/" + id)).willReturn(Stubs.json(
                base.substring(0, base.lastIndexOf('}')) + ", \"notes\": [{\"author\": \"olivia\", \"at\": \"2026-11-02T10:00:00Z\", "
                        + "\"text\": \"called the subject\"}]}")));
        ServicesStub.server.stubFor(post(urlEqualTo("/request/requests/" + id + "/notes")).willReturn(aResponse().withStatus(204)));
        try (Browser browser = Browser.signedIn(home, "olivia", Set.of("privacy-officer"))) {
            HtmlPage page = browser.get(new URL(home, "/requests/" + id));
            assertEquals(List.of("deny", "extend", "cancel", "notes", "resolve"), actions(page));
            assertTrue(page.asNormalizedText().contains("2026-11-02 10:00 UTC · olivia: called the subject"));
            HtmlForm note = form(page, "notes");
            note.getTextAreaByName("text").setText("sent the outcome letter");
            HtmlPage after = note.getOneHtmlElementByAttribute("button", "type", "submit").click();
            assertEquals("/requests/" + id, after.getUrl().getPath());
            ServicesStub.server.verify(postRequestedFor(urlEqualTo("/request/requests/" + id + "/notes"))
                    .withRequestBody(equalToJson("{\"text\": \"sent the outcome letter\"}")));
        }
    }

    @Test
    void aCompletedAccessRequestOffersOnlyItsReportAsJsonAndHtml() throws Exception {
        stubRequest("COMPLETED", "\"outcome\": {\"erased\": [], \"kept\": [{\"what\": \"access logs\", \"why\": \"§8a\"}]}");
        ServicesStub.server.stubFor(get(urlPathEqualTo("/request/requests/" + id + "/report")).willReturn(
                Stubs.json("{\"subject\": \"x\", \"fields\": []}")));
        try (Browser browser = Browser.signedIn(home, "olivia", Set.of("privacy-officer"))) {
            HtmlPage page = browser.get(new URL(home, "/requests/" + id));
            assertEquals(List.of(), actions(page));
            assertTrue(page.asNormalizedText().contains("§8a"), "the outcome, what was kept and why");
            Page report = browser.fetch(new URL(home, "/requests/" + id + "/report.json"));
            assertEquals(200, report.getWebResponse().getStatusCode());
            assertEquals("{\"subject\": \"x\", \"fields\": []}", report.getWebResponse().getContentAsString());
            assertTrue(report.getWebResponse().getResponseHeaderValue("Content-Disposition").startsWith("attachment"));
        }
    }

    @Test
    void aDenialTheServiceRefusesShowsItsMessageOnTheSamePage() throws Exception {
        stubRequest("IN_PROGRESS", "\"events\": []");
        ServicesStub.server.stubFor(post(urlEqualTo("/request/requests/" + id + "/deny")).willReturn(Stubs.problem(
                409, "Not possible in this status", "A request that is IN_PROGRESS cannot become DENIED", "status",
                "is IN_PROGRESS")));
        try (Browser browser = Browser.signedIn(home, "olivia", Set.of("privacy-officer"))) {
            HtmlPage page = browser.get(new URL(home, "/requests/" + id));
            HtmlForm deny = form(page, "deny");
            ((HtmlSelect) deny.getSelectByName("reasonCode")).setSelectedAttribute("LEGAL_EXEMPTION", true);
            deny.getInputByName("note").type("exempt under §8c");
            HtmlPage answer = deny.getOneHtmlElementByAttribute("button", "type", "submit").click();
            assertEquals(409, answer.getWebResponse().getStatusCode());
            String alert = answer.querySelector("[role=alert]").asNormalizedText();
            assertTrue(alert.contains("A request that is IN_PROGRESS cannot become DENIED"), alert);
            ServicesStub.server.verify(postRequestedFor(urlEqualTo("/request/requests/" + id + "/deny"))
                    .withRequestBody(equalToJson("{\"reasonCode\": \"LEGAL_EXEMPTION\", \"note\": \"exempt under §8c\"}")));
        }
    }

    @Test
    void anApprovalGoesThroughAndTheDetailIsShownAgain() throws Exception {
        stubRequest("RECEIVED", "\"events\": []");
        ServicesStub.server.stubFor(post(urlEqualTo("/request/requests/" + id + "/approve")).willReturn(Stubs.json(
                Stubs.request(id, "ACCESS", "VERIFIED", 1, 30))));
        try (Browser browser = Browser.signedIn(home, "olivia", Set.of("privacy-officer"))) {
            HtmlPage page = browser.get(new URL(home, "/requests/" + id));
            HtmlPage after = form(page, "approve").getOneHtmlElementByAttribute("button", "type", "submit").click();
            assertEquals(200, after.getWebResponse().getStatusCode());
            assertEquals("/requests/" + id, after.getUrl().getPath());
            ServicesStub.server.verify(postRequestedFor(urlEqualTo("/request/requests/" + id + "/approve")));
        }
    }

    @Test
    void aRequestOfAnotherTenantOrNoneIsTheServicesNotFound() throws Exception {
        ServicesStub.server.stubFor(get(urlEqualTo("/request/requests/" + id)).willReturn(Stubs.problem(404,
                "Not found", "Request " + id + " not found", "id", "unknown")));
        try (Browser browser = Browser.signedIn(home, "olivia", Set.of("privacy-officer"))) {
            HtmlPage page = browser.get(new URL(home, "/requests/" + id));
            assertEquals(404, page.getWebResponse().getStatusCode());
            assertTrue(page.querySelector("[role=alert]").asNormalizedText().contains("Request " + id + " not found"));
            assertNull(page.querySelector("pre.stack"), "never a stack trace");
        }
    }

    private void stubRequest(String status, String more) {
        String base = Stubs.request(id, "ACCESS", status, 3, 30);
        ServicesStub.server.stubFor(get(urlEqualTo("/request/requests/" + id)).willReturn(Stubs.json(
                base.substring(0, base.lastIndexOf('}')) + ", " + more + "}")));
    }

    static List<String> actions(HtmlPage page) {
        return page.querySelectorAll(".actions form").stream()
                .map(f -> ((HtmlForm) f).getActionAttribute().replaceAll(".*/", "")).toList();
    }

    static HtmlForm form(HtmlPage page, String action) {
        HtmlForm form = page.getForms().stream().filter(f -> f.getActionAttribute().endsWith("/" + action)).findFirst()
                .orElse(null);
        assertNotNull(form, action);
        return form;
    }
}
