package dev.steward.console.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An access report page as request-service renders it, served by the console. The report is a whole
 * document with its own inline stylesheet (it is also served alone, through its signed link), which
 * the console's Content-Security-Policy ({@code style-src 'self'}) would block. Its response gets a
 * policy of its own instead: no script at all, and exactly the report's own style blocks, by hash.
 */
public final class ReportPages {

    private static final Pattern STYLE = Pattern.compile("<style[^>]*>(.*?)</style>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private ReportPages() {
    }

    public static Response html(String body) {
        return Response.ok(body, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", policy(body)).build();
    }

    /** {@code default-src 'none'}, the report's own style blocks by SHA-256, nothing else. */
    static String policy(String html) {
        List<String> hashes = new ArrayList<>();
        Matcher m = STYLE.matcher(html);
        while (m.find()) {
            hashes.add("'sha256-" + sha256(m.group(1)) + "'");
        }
        String styles = hashes.isEmpty() ? "'none'" : String.join(" ", hashes);
        return "default-src 'none'; style-src " + styles + "; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
                + "frame-ancestors 'none'";
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
