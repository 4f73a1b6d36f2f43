package dev.steward.request.peer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

/**
 * request-service reaches account-service's internal API with a client-credentials token that it
 * obtains once and reuses. (account-service's own tests prove that the endpoint accepts only the
 * {@code service} role; the e2e suite proves both together against Keycloak.)
 */
@QuarkusTest
class AccountClientTest {

    private static final String TOKEN_PATH = "/auth/realms/quarkus/token";

    @OidcWireMock
    WireMockServer oidc;

    @PeerStubs.AccountStub
    WireMockServer account;

    @Inject
    @RestClient
    AccountClient accounts;

    @Test
    void callsWithOneCachedClientCredentialsToken() {
        String serviceToken = Tokens.service("request-service");
        oidc.stubFor(post(TOKEN_PATH).atPriority(1)
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(okJson("{\"access_token\":\"" + serviceToken
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        account.stubFor(get(urlPathEqualTo("/internal/orgs/acme"))
                .willReturn(okJson("{\"id\":\"acme\",\"name\":\"Acme\",\"status\":\"ACTIVE\",\"createdAt\":\"2026-01-01T00:00:00Z\"}")));
        account.stubFor(get(urlPathEqualTo("/internal/orgs/forbidden"))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":403,\"title\":\"Forbidden\"}")));

        int tokensBefore = oidc.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withRequestBody(containing("grant_type=client_credentials"))).size();
        for (int i = 0; i < 3; i++) {
            assertEquals("ACTIVE", accounts.organisation("acme").status());
        }

        // a 403 is an answer, not a fault: surfaced at once, not retried
        var refused = assertThrows(WebApplicationException.class, () -> accounts.organisation("forbidden"));
        assertEquals(403, refused.getResponse().getStatus());
        account.verify(1, getRequestedFor(urlEqualTo("/internal/orgs/forbidden")));

        // one token for all calls: fetched here unless an earlier test of this app already cached one
        var calls = account.findAll(getRequestedFor(urlPathEqualTo("/internal/orgs/acme")));
        assertEquals(3, calls.size());
        String used = calls.get(0).getHeader("Authorization");
        assertTrue(used.startsWith("Bearer "));
        calls.forEach(call -> assertEquals(used, call.getHeader("Authorization")));
        int fetched = oidc.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withRequestBody(containing("grant_type=client_credentials"))).size() - tokensBefore;
        assertTrue(fetched <= 1, "token fetched " + fetched + " times for 3 calls");
    }
}
