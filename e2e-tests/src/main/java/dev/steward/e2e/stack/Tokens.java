package dev.steward.e2e.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real Keycloak access tokens: people through the public {@code portal} client (password grant,
 * enabled in the dev realm for the demo and the tests), services through their own client's
 * client-credentials grant. Tokens are cached until shortly before they expire.
 */
public final class Tokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Keycloak keycloak;
    private final Realm realm;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(String token, long expiresAtNanos) {
    }

    public Tokens(Keycloak keycloak, Realm realm) {
        this.keycloak = keycloak;
        this.realm = realm;
    }

    /** A portal token for a demo user (password {@value Realm#DEMO_PASSWORD}). */
    public String user(String username) {
        return cached("user:" + username, () -> fetch(Map.of("grant_type", "password", "client_id", Realm.PORTAL,
                "username", username, "password", Realm.DEMO_PASSWORD, "scope", "openid")));
    }

    /** A client-credentials token of a service's own client, as that service would use towards its peers. */
    public String service(String clientId) {
        return cached("client:" + clientId, () -> fetch(Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", realm.secret(clientId))));
    }

    /** The raw token response of a grant (for tests that look at errors). */
    public HttpResponse<String> grant(Map<String, String> form) {
        try {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Token request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private Cached fetch(Map<String, String> form) {
        HttpResponse<String> r = grant(form);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the token request for " + form.getOrDefault("username",
                    form.get("client_id")) + ": " + r.statusCode() + " " + r.body());
        }
        try {
            JsonNode json = JSON.readTree(r.body());
            long lifetime = json.path("expires_in").asLong(60);
            return new Cached(json.get("access_token").asText(),
                    System.nanoTime() + Duration.ofSeconds(Math.max(5, lifetime - 30)).toNanos());
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable token response: " + r.body(), e);
        }
    }

    private String cached(String key, java.util.function.Supplier<Cached> fetch) {
        Cached c = cache.compute(key, (k, old) -> old != null && System.nanoTime() < old.expiresAtNanos ? old : fetch.get());
        return c.token;
    }

    /** The decoded payload of a JWT (no verification: for looking at claims in tests and the walk-through). */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("Not a JWT", e);
        }
    }
}
