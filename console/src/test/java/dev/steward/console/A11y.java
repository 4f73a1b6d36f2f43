package dev.steward.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;

/** The basics every page must meet: a language, one h1, a label for every control, no inline script under the CSP. */
final class A11y {

    private A11y() {
    }

    static void basics(HtmlPage page) {
        assertEquals("en", page.getDocumentElement().getAttribute("lang"), "html lang");
        assertEquals(1, page.querySelectorAll("h1").size(), "one h1 on " + page.getUrl());
        assertFalse(page.getTitleText().isBlank(), "a title");
        assertTrue(page.querySelector("main#main") != null, "a main landmark");
        assertTrue(page.querySelectorAll("script").stream().allMatch(n -> ((DomElement) n).hasAttribute("src")),
                "every script is a file (the CSP allows no inline script): " + page.getUrl());
        assertTrue(page.querySelectorAll("[onclick], [onload], [onchange], [onsubmit]").isEmpty(), "no inline handlers");
        String csp = page.getWebResponse().getResponseHeaderValue("Content-Security-Policy");
        assertTrue(csp != null && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "CSP: " + csp);
        for (DomNode node : page.querySelectorAll("input, select, textarea")) {
            DomElement control = (DomElement) node;
            String type = control.getAttribute("type");
            if ("hidden".equals(type) || "submit".equals(type)) {
                continue;
            }
            String id = control.getAttribute("id");
            boolean labelled = (!id.isEmpty() && page.querySelector("label[for='" + id + "']") != null)
                    || control.hasAttribute("aria-label") || insideLabel(control);
            assertTrue(labelled, "a label for " + control.asXml() + " on " + page.getUrl());
        }
    }

    private static boolean insideLabel(DomNode node) {
        for (DomNode n = node.getParentNode(); n != null; n = n.getParentNode()) {
            if ("label".equalsIgnoreCase(n.getNodeName())) {
                return true;
            }
        }
        return false;
    }

    /** Nothing of a sign-in reaches the page: no bearer token, no JWT. */
    static void noTokens(HtmlPage page) {
        String html = page.getWebResponse().getContentAsString();
        assertFalse(html.contains("Bearer") || html.contains("eyJ"), "no token in " + page.getUrl());
        if (Browser.lastAccessToken != null) {
            assertFalse(html.contains(Browser.lastAccessToken), "no access token in " + page.getUrl());
        }
    }
}
