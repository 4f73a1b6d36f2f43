package dev.steward.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.io.IOException;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;
import java.net.URL;
import java.util.Set;
import org.htmlunit.Page;
import org.htmlunit.SilentCssErrorHandler;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

/**
 * A browser without JavaScript (the forms must work without it) that signs in through the console's
 * real code flow: the console redirects to the WireMock OIDC server's login form, which redirects
 * back with a code, which the console exchanges for tokens. The token endpoint is stubbed to answer
 * for the given person and roles (the roles sit in the {@code groups} claim in tests).
 */
final class Browser implements AutoCloseable {

    /** The access token the stubbed token endpoint hands out last (to check it never reaches the browser). */
    static volatile String lastAccessToken;

    final WebClient client = new WebClient();

    private Browser() {
        client.setCssErrorHandler(new SilentCssErrorHandler());
        client.getOptions().setJavaScriptEnabled(false);
        client.getOptions().setCssEnabled(false);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        client.getOptions().setRedirectEnabled(true);
    }

    static Browser signedIn(URL console, String user, Set<String> roles) throws IOException {
        issueTokensFor(user, roles);
        Browser b = new Browser();
        HtmlPage login = b.client.getPage(console);
        HtmlForm form = login.getFormByName("form");
        form.getInputByName("username").type(user);
        form.getInputByValue("login").click();
        return b;
    }

    static Browser anonymous() {
        return new Browser();
    }

    static void issueTokensFor(String user, Set<String> roles) {
        // the WireMock OIDC server's address as the test resource published it (keycloak.url = http://host:port/auth)
        URI keycloak = URI.create(ConfigProvider.getConfig().getValue("keycloak.url", String.class));
        lastAccessToken = OidcWiremockTestResource.getAccessToken(user, roles);
        WireMock oidc = new WireMock(keycloak.getHost(), keycloak.getPort());
        oidc.register(post(urlEqualTo("/auth/realms/quarkus/token"))
                .withRequestBody(containing("authorization_code")).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"access_token": "%s", "id_token": "%s", "refresh_token": "%s", "token_type": "Bearer",
                         "expires_in": 300}""".formatted(lastAccessToken,
                        OidcWiremockTestResource.getIdToken(user, roles, "console"),
                        OidcWiremockTestResource.getAccessToken(user, roles)))));
    }

    HtmlPage get(URL url) throws IOException {
        return client.getPage(url);
    }

    /** Any answer (a redirect, text, a download), not only HTML. */
    Page fetch(URL url) throws IOException {
        return client.getPage(url);
    }

    @Override
    public void close() {
        client.close();
    }
}
