package dev.steward.e2e.console;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed-in console session without a browser: the same code flow (the console's redirect,
 * Keycloak's login form posted with the user's password, the redirect back with the code), with
 * the session cookie kept in a cookie jar. For measuring page renders where a browser would add
 * its own time.
 */
public final class ConsoleSession {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    private final HttpClient http;
    private final String console;

    private ConsoleSession(String console) {
        this.console = console;
        this.http = HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static ConsoleSession signIn(String console, String user, String password) throws IOException, InterruptedException {
        ConsoleSession s = new ConsoleSession(console);
        HttpResponse<String> login = s.http.send(HttpRequest.newBuilder(URI.create(console + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher action = FORM_ACTION.matcher(login.body());
        if (!action.find()) {
            throw new IllegalStateException("no Keycloak login form at " + login.uri());
        }
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> back = s.http.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (!back.uri().toString().startsWith(console)) {
            throw new IllegalStateException("sign-in did not come back to the console: " + back.uri());
        }
        return s;
    }

    /**
     * A cookie jar per origin that also returns cookies marked Secure over plain HTTP, as browsers do
     * for 127.0.0.1 (a "potentially trustworthy" origin); Keycloak marks its sign-in cookies Secure,
     * and {@link java.net.CookieManager} would drop them on http://127.0.0.1.
     */
    private static final class LoopbackCookies extends CookieHandler {
        private final Map<String, Map<String, String>> byOrigin = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
            Map<String, String> jar = byOrigin.getOrDefault(uri.getHost() + ":" + uri.getPort(), Map.of());
            if (jar.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "))));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) {
            Map<String, String> jar = byOrigin.computeIfAbsent(uri.getHost() + ":" + uri.getPort(), k -> new ConcurrentHashMap<>());
            headers.forEach((name, values) -> {
                if ("Set-Cookie".equalsIgnoreCase(name)) {
                    for (String v : values) {
                        String pair = v.split(";", 2)[0];
                        int eq = pair.indexOf('=');
                        String cookie = pair.substring(0, eq).trim();
                        String value = pair.substring(eq + 1).trim();
                        boolean expired = v.toLowerCase().contains("max-age=0") || value.isEmpty();
                        if (expired) {
                            jar.remove(cookie);
                        } else {
                            jar.put(cookie, value);
                        }
                    }
                }
            });
        }
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(console + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
