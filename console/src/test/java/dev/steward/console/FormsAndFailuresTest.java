package dev.steward.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Legal's disclosure form with the API's problem beside the fields, the proposal a second legal user
 * approves, CSRF refusal, a peer down, the headers.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ServicesStub.class)
class FormsAndFailuresTest {

    @TestHTTPResource("/")
    URL home;

    @TestHTTPResource("/disclosures/new")
    URL newDisclosure;

    @BeforeEach
    void services() {
        ServicesStub.server.resetAll();
    }

    @Test
    void theServicesRefusalIsShownBesideTheFieldAndTheFormKeepsWhatWasTyped() throws Exception {
        ServicesStub.server.stubFor(post(urlEqualTo("/disclosure/disclosure-proposals")).willReturn(Stubs.problem(422,
                "Dates do not add up", "The request's dates are not possible", "disclosedOn", "must not be before receivedOn")));
        try (Browser browser = Browser.signedIn(home, "lena", Set.of("legal"))) {
            HtmlPage form = browser.get(newDisclosure);
            assertTrue(form.getElementById("four-eyes-hint").asNormalizedText().contains("second legal user"));
            assertEquals(null, form.getElementById("approver"), "no typed approver: a second person approves signed in");
            String key = form.getElementByName("idempotencyKey").getAttribute("value");
            UUID.fromString(key);
            HtmlPage answer = fill(form, "LAW_ENFORCEMENT").getOneHtmlElementByAttribute("button", "type", "submit").click();
            assertEquals(422, answer.getWebResponse().getStatusCode());
            assertEquals("must not be before receivedOn", answer.getElementById("e-disclosedOn").asNormalizedText());
            assertEquals("true", answer.getElementById("disclosedOn").getAttribute("aria-invalid"));
            assertTrue(answer.getElementById("form-problem").asNormalizedText().contains("dates are not possible"));
            assertEquals("Metro Police", answer.getElementById("recipientName").getAttribute("value"));
            assertFalse(key.equals(answer.getElementByName("idempotencyKey").getAttribute("value")),
                    "nothing was stored: a corrected form is a new attempt");
            ServicesStub.server.verify(postRequestedFor(urlEqualTo("/disclosure/disclosure-proposals"))
                    .withHeader("Idempotency-Key", equalTo(key))
                    .withRequestBody(matchingJsonPath("$.recipient.type", equalTo("LAW_ENFORCEMENT")))
                    .withRequestBody(matchingJsonPath("$.subjects[0].kind", equalTo("ACCOUNT")))
                    .withRequestBody(matchingJsonPath("$.dataCategories[1]", equalTo("user.contact.phone")))
                    .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notMatching(".*approver.*")));
            ServicesStub.server.verify(0, postRequestedFor(urlEqualTo("/disclosure/disclosures")));
        }
    }

    private static String proposal(UUID id, String status, String decidedBy, UUID disclosureId) {
        return """
                {"id": "%s", "status": "%s", "proposedBy": "lena", "proposedAt": "2026-12-01T09:00:00Z",
                 "disclosure": {"recipient": {"type": "LAW_ENFORCEMENT", "name": "Metro Police"}, "legalBasis": "SUBPOENA",
                   "caseReference": "SUB-7", "receivedOn": "2026-11-30", "disclosedOn": "2026-12-01",
                   "subjects": [{"org": "steward", "kind": "ACCOUNT", "id": "a-1"}], "dataCategories": ["user.contact.email"],
                   "purpose": "case 7", "outcome": "NON_CONTENT_DISCLOSED",
                   "attachments": [{"name": "subpoena.pdf", "sha256": "%s"}]},
                 "decidedBy": %s, "decidedAt": %s, "reason": null, "disclosureId": %s}""".formatted(id, status, "ab".repeat(32),
                decidedBy == null ? "null" : "\"" + decidedBy + "\"", decidedBy == null ? "null" : "\"2026-12-01T10:00:00Z\"",
                disclosureId == null ? "null" : "\"" + disclosureId + "\"");
    }

    @Test
    void aDisclosureToLawEnforcementWaitsForASecondLegalUserWhoApprovesAndSoRecordsIt() throws Exception {
        UUID id = UUID.randomUUID();
        UUID recorded = UUID.randomUUID();
        ServicesStub.server.stubFor(post(urlEqualTo("/disclosure/disclosure-proposals"))
                .willReturn(Stubs.json(proposal(id, "AWAITING_APPROVAL", null, null)).withStatus(201)));
        ServicesStub.server.stubFor(get(urlEqualTo("/disclosure/disclosure-proposals/" + id))
                .willReturn(Stubs.json(proposal(id, "AWAITING_APPROVAL", null, null))));
        ServicesStub.server.stubFor(get(urlPathEqualTo("/disclosure/disclosure-proposals"))
                .willReturn(Stubs.json(Stubs.page(List.of(proposal(id, "AWAITING_APPROVAL", null, null))))));
        ServicesStub.server.stubFor(get(urlPathEqualTo("/disclosure/disclosures")).willReturn(Stubs.json(Stubs.page(List.of()))));
        try (Browser lena = Browser.signedIn(home, "lena", Set.of("legal"))) {
            HtmlPage waiting = fill(lena.get(newDisclosure), "LAW_ENFORCEMENT")
                    .getOneHtmlElementByAttribute("button", "type", "submit").click();
            assertEquals("/disclosures/proposals/" + id, waiting.getUrl().getPath());
            assertTrue(waiting.getElementById("proposal-status").asNormalizedText().contains("Waiting for a second legal user"));
            assertTrue(waiting.getElementById("second-approver").asNormalizedText().contains("You proposed it"));
            assertEquals(null, waiting.getElementById("approve"), "the proposer is offered no approval");
            assertTrue(waiting.asNormalizedText().contains("subpoena.pdf"), "the approver sees the attachments too");
        }
        ServicesStub.server.stubFor(post(urlEqualTo("/disclosure/disclosure-proposals/" + id + "/approval"))
                .willReturn(Stubs.json(proposal(id, "RECORDED", "leo", recorded))));
        String view = """
                {"id": "%s", "recordedAt": "2026-12-01T10:00:00Z", "recordedBy": "lena",
                 "recipient": {"type": "LAW_ENFORCEMENT", "name": "Metro Police"}, "legalBasis": "SUBPOENA",
                 "receivedOn": "2026-11-30", "disclosedOn": "2026-12-01", "subjects": [{"org": "steward", "kind": "ACCOUNT", "id": "a-1"}],
                 "dataCategories": ["user.contact.email"], "purpose": "case 7", "outcome": "NON_CONTENT_DISCLOSED",
                 "approver": "leo", "nonDisclosureActive": false, "voluntary": false, "correctedBy": [],
                 "ledger": {"seq": 43, "hash": "ef56", "contentDigest": "cd34"}}""".formatted(recorded);
        ServicesStub.server.stubFor(get(urlEqualTo("/disclosure/disclosures/" + recorded)).willReturn(Stubs.json(view)));
        try (Browser leo = Browser.signedIn(home, "leo", Set.of("legal"))) {
            HtmlPage list = leo.get(new URL(home, "/disclosures"));
            assertTrue(list.getElementById("awaiting") != null && list.getElementById("awaiting").asNormalizedText().contains("Metro Police"),
                    list.asNormalizedText());
            assertEquals(null, leo.get(new URL(home, "/disclosures?org=steward&kind=ACCOUNT&id=a-1")).getElementById("awaiting"),
                    "one subject's disclosures are not mixed with every proposal waiting");
            HtmlPage proposalPage = list.getAnchorByHref("/disclosures/proposals/" + id).click();
            assertTrue(proposalPage.getElementById("second-approver").asNormalizedText().contains("Proposed by lena"));
            HtmlPage done = proposalPage.getHtmlElementById("approve").click();
            assertEquals("/disclosures/" + recorded, done.getUrl().getPath());
            assertTrue(done.asNormalizedText().contains("Approved by\nleo"), done.asNormalizedText());
            ServicesStub.server.verify(postRequestedFor(urlEqualTo("/disclosure/disclosure-proposals/" + id + "/approval")));
        }
    }

    @Test
    void aRefusedApprovalIsShownOnTheProposalAndADeclineNeedsAReason() throws Exception {
        UUID id = UUID.randomUUID();
        ServicesStub.server.stubFor(get(urlEqualTo("/disclosure/disclosure-proposals/" + id))
                .willReturn(Stubs.json(proposal(id, "AWAITING_APPROVAL", null, null))));
        ServicesStub.server.stubFor(post(urlEqualTo("/disclosure/disclosure-proposals/" + id + "/approval")).willReturn(
                Stubs.problem(422, "Approval by a second person required", "You proposed this disclosure: a second legal user must approve it (four eyes)",
                        "approval", "was given by the person recording the disclosure")));
        ServicesStub.server.stubFor(post(urlEqualTo("/disclosure/disclosure-proposals/" + id + "/decline")).willReturn(
                Stubs.problem(400, "Bad request", "The request is not valid", "reason", "must not be blank")));
        try (Browser leo = Browser.signedIn(home, "leo", Set.of("legal"))) {
            HtmlPage page = leo.get(new URL(home, "/disclosures/proposals/" + id));
            HtmlPage refused = page.getHtmlElementById("approve").click();
            assertEquals(422, refused.getWebResponse().getStatusCode());
            assertTrue(refused.getElementById("form-problem").asNormalizedText().contains("four eyes"));
            HtmlPage noReason = refused.getForms().stream().filter(f -> f.getActionAttribute().endsWith("/decline")).findFirst()
                    .orElseThrow().getOneHtmlElementByAttribute("button", "type", "submit").click();
            assertEquals(400, noReason.getWebResponse().getStatusCode());
            assertEquals("must not be blank", noReason.getElementById("e-reason").asNormalizedText());
            assertEquals("true", noReason.getElementById("reason").getAttribute("aria-invalid"));
        }
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefusedAndReachesNoService() throws Exception {
        try (Browser browser = Browser.signedIn(home, "lena", Set.of("legal"))) {
            browser.get(newDisclosure);
            WebRequest forged = new WebRequest(new URL(home, "/disclosures"), HttpMethod.POST);
            forged.setRequestParameters(List.of(new NameValuePair("recipientType", "LAW_ENFORCEMENT"),
                    new NameValuePair("recipientName", "Forged")));
            Page answer = browser.client.getPage(forged);
            assertEquals(400, answer.getWebResponse().getStatusCode());
            ServicesStub.server.verify(0, postRequestedFor(anyUrl()));
        }
    }

    @Test
    void aServiceThatIsDownShowsServiceUnavailableNothingWasChanged() throws Exception {
        ServicesStub.server.stubFor(post(urlEqualTo("/disclosure/disclosure-proposals")).willReturn(
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ServicesStub.server.stubFor(get(urlPathEqualTo("/request/requests")).willReturn(aResponse().withStatus(503)));
        try (Browser browser = Browser.signedIn(home, "lena", Set.of("legal", "privacy-officer"))) {
            HtmlPage down = fill(browser.get(newDisclosure), "LAW_ENFORCEMENT").getOneHtmlElementByAttribute("button", "type", "submit").click();
            assertEquals(503, down.getWebResponse().getStatusCode());
            assertEquals("Service unavailable, nothing was changed", down.querySelector("h1").asNormalizedText());
            HtmlPage queue = browser.get(new URL(home, "/requests"));
            assertEquals(503, queue.getWebResponse().getStatusCode());
            assertEquals("Service unavailable, nothing was changed", queue.querySelector("h1").asNormalizedText());
        }
    }

    @Test
    void everyPageCarriesTheSecurityHeadersAndNoInlineScript() throws Exception {
        ServicesStub.server.stubFor(get(urlPathMatching("/disclosure/disclosure(s|-proposals)")).willReturn(Stubs.json(Stubs.page(List.of()))));
        try (Browser browser = Browser.signedIn(home, "lena", Set.of("legal"))) {
            for (String path : List.of("/disclosures", "/disclosures/new")) {
                HtmlPage page = browser.get(new URL(home, path));
                String csp = page.getWebResponse().getResponseHeaderValue("Content-Security-Policy");
                assertTrue(csp.contains("frame-ancestors 'none'"), csp);
                assertTrue(csp.contains("script-src 'self'"), csp);
                assertFalse(csp.contains("unsafe-inline"), csp);
                assertEquals("nosniff", page.getWebResponse().getResponseHeaderValue("X-Content-Type-Options"));
                assertTrue(page.querySelectorAll("script").stream().allMatch(s -> ((org.htmlunit.html.DomElement) s).hasAttribute("src")),
                        "every script is a file: " + path);
                assertTrue(page.querySelectorAll("[onclick], [onload], [onchange], [onsubmit]").isEmpty(), path);
                assertTrue(page.querySelectorAll("input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea")
                        .stream().allMatch(i -> !page.querySelectorAll("label[for='" + ((org.htmlunit.html.DomElement) i).getId() + "']").isEmpty()),
                        "every input has a label: " + path);
            }
        }
    }

    @Test
    void whatAPersonTypesAboutSubjectsNeverReachesTheConsolesLog() throws Exception {
        ServicesStub.server.stubFor(post(urlEqualTo("/disclosure/disclosure-proposals")).willReturn(Stubs.problem(422,
                "Dates do not add up", "dates", "disclosedOn", "must not be before receivedOn")));
        ServicesStub.server.stubFor(get(urlPathEqualTo("/request/requests")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        LogCapture capture = new LogCapture();
        List<String> lines = capture.lines;
        try (Browser browser = Browser.signedIn(home, "lena", Set.of("legal", "privacy-officer"))) {
            HtmlPage form = browser.get(newDisclosure);
            HtmlForm filled = fill(form, "LAW_ENFORCEMENT");
            form.getElementById("subjects").setTextContent("steward/ACCOUNT/subject-x7q9-private");
            form.getElementById("recipientName").setAttribute("value", "Recipient-k4v2-private");
            filled.getOneHtmlElementByAttribute("button", "type", "submit").click();
            browser.get(new URL(home, "/requests?subjectId=subject-x7q9-private"));
        } finally {
            capture.close();
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("peer unreachable")), "the capture sees the console's log: " + lines);
        assertTrue(lines.stream().noneMatch(l -> l.contains("x7q9") || l.contains("k4v2")), "no subject or recipient in the log");
    }

    private static HtmlForm fill(HtmlPage page, String recipientType) throws Exception {
        HtmlForm form = page.getForms().stream().filter(f -> f.getActionAttribute().equals("/disclosures")).findFirst().orElseThrow();
        ((HtmlSelect) page.getElementById("recipientType")).setSelectedAttribute(recipientType, true);
        page.getElementById("recipientName").setAttribute("value", "Metro Police");
        ((HtmlSelect) page.getElementById("legalBasis")).setSelectedAttribute("SUBPOENA", true);
        page.getElementById("receivedOn").setAttribute("value", "2026-11-30");
        ((HtmlSelect) page.getElementById("outcome")).setSelectedAttribute("NON_CONTENT_DISCLOSED", true);
        page.getElementById("disclosedOn").setAttribute("value", "2026-12-01");
        page.getElementById("subjects").setTextContent("steward/ACCOUNT/a-1");
        page.getElementById("dataCategories").setAttribute("value", "user.contact.email, user.contact.phone");
        page.getElementById("purpose").setTextContent("case 7");
        return form;
    }
}
