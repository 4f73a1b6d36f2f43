package dev.steward.tlog;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the verifier reads from: a file, standard input ({@code -}) or an http(s) URL — the only
 * network it uses is the URL it is given. A bearer token (for the ledger's non-public endpoints)
 * comes from {@code --token} or {@code LEDGER_TOKEN}.
 */
final class Sources {

    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Sources(String token) {
        this.token = token;
    }

    String read(String source) throws IOException {
        return new String(stream(source).readAllBytes(), StandardCharsets.UTF_8);
    }

    InputStream stream(String source) throws IOException {
        if (source.equals("-")) {
            return System.in;
        }
        if (!isUrl(source)) {
            return Files.newInputStream(Path.of(source));
        }
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(source)).timeout(Duration.ofMinutes(10));
        if (token != null && !token.isBlank()) {
            req.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<InputStream> res = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (res.statusCode() != 200) {
                String body = new String(res.body().readAllBytes(), StandardCharsets.UTF_8);
                throw new IOException("GET " + source + " answered " + res.statusCode() + ": " + body);
            }
            return res.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** A verifier key given literally, in a file or at a URL. */
    NoteKey key(String source, int type) throws IOException {
        String text = isUrl(source) || Files.isRegularFile(Path.of(source)) ? read(source) : source;
        NoteKey key = NoteKey.parse(text.trim());
        if (key.type() != type) {
            throw new IllegalArgumentException("expected a key of type 0x0" + type + ", got 0x0" + key.type());
        }
        return key;
    }

    static boolean isUrl(String source) {
        return source.startsWith("http://") || source.startsWith("https://");
    }
}
