package dev.steward.e2e.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
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

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(console + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
