package dev.steward.e2e.stack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The stack's mail server: a real SMTP server (GreenMail) on the loopback that accepts every message
 * for every address and keeps it, so the Privacy Center's verification codes can be read — by the
 * tests through {@link #messagesTo}, by a person running the local stack on a small page that lists the
 * mailbox (what a developer's mail catcher does). Nothing leaves the machine.
 */
public final class Mailbox implements AutoCloseable {

    /** One received message, decoded. */
    public record Message(List<String> to, String subject, String body) {
    }

    private final GreenMail smtp;
    private final HttpServer page;

    private Mailbox(GreenMail smtp, HttpServer page) {
        this.smtp = smtp;
        this.page = page;
    }

    /** SMTP on 127.0.0.1:{@code smtpPort}; the mailbox page on 127.0.0.1:{@code pagePort}. */
    public static Mailbox start(int smtpPort, int pagePort) {
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            HttpServer page = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), pagePort), 0);
            Mailbox mailbox = new Mailbox(smtp, page);
            page.createContext("/", exchange -> {
                byte[] html = mailbox.html().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
                exchange.sendResponseHeaders(200, html.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(html);
                }
            });
            page.start();
            return mailbox;
        } catch (IOException e) {
            smtp.stop();
            throw new UncheckedIOException("Could not serve the mailbox page on " + pagePort, e);
        }
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public String pageUrl() {
        return "http://127.0.0.1:" + page.getAddress().getPort() + "/";
    }

    /** Every message received so far, oldest first. */
    public List<Message> messages() {
        List<Message> all = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            try {
                List<String> to = Arrays.stream(m.getAllRecipients() == null ? new Address[0] : m.getAllRecipients())
                        .map(Address::toString).toList();
                all.add(new Message(to, m.getSubject(), GreenMailUtil.getBody(m)));
            } catch (MessagingException e) {
                throw new IllegalStateException("Unreadable message in the mailbox", e);
            }
        }
        return all;
    }

    /** The messages sent to {@code address}, oldest first. */
    public List<Message> messagesTo(String address) {
        return messages().stream().filter(m -> m.to().stream().anyMatch(t -> t.equalsIgnoreCase(address))).toList();
    }

    private String html() {
        List<Message> all = new ArrayList<>(messages());
        java.util.Collections.reverse(all);
        String items = all.isEmpty() ? "<p>No mail yet.</p>" : all.stream().map(m -> "<article><h2>" + escape(m.subject())
                + "</h2><p>To: " + escape(String.join(", ", m.to())) + "</p><pre>" + escape(m.body()) + "</pre></article>")
                .collect(Collectors.joining());
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Steward local mailbox</title>"
                + "<meta http-equiv=\"refresh\" content=\"5\"><style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;"
                + "margin:2rem auto;color:#1a1a1a}article{border:1px solid #ccc;border-radius:6px;padding:0 1rem;margin:1rem 0}"
                + "pre{white-space:pre-wrap}</style></head><body><h1>Mail sent by the local stack</h1>"
                + "<p>Newest first; refreshes every 5 seconds. Nothing here leaves this machine.</p>" + items + "</body></html>";
    }

    private static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        page.stop(0);
        smtp.stop();
    }

    @Override
    public String toString() {
        return "mailbox smtp :" + smtpPort();
    }
}
