package dev.steward.request.verification;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The Privacy Center's mails, sent through the configured SMTP server (quarkus.mailer.*). Sending does
 * not hold up the answer: whether a mail goes out or not, the caller answers at once and alike (no
 * enumeration by timing). The log names the request only — never the address, the code or the link.
 */
@ApplicationScoped
public class VerificationMail {

    private static final Logger LOG = Logger.getLogger(VerificationMail.class);

    private final ReactiveMailer mailer;
    private final PrivacyCenterSettings settings;

    public VerificationMail(ReactiveMailer mailer, PrivacyCenterSettings settings) {
        this.mailer = mailer;
        this.settings = settings;
    }

    /** The code, how long it is valid, and the status link. */
    public void code(UUID requestId, String to, String code, String statusToken) {
        long minutes = settings.codeLifetime().toMinutes();
        String text = "Your verification code is " + code + ".\n\n"
                + "It is valid for " + minutes + " minutes. Enter it on the Privacy Center page where you made your request "
                + "(request " + requestId + ").\n\n"
                + "You can follow your request here:\n" + statusLink(statusToken) + "\n\n"
                + "If you did not make this request, you can ignore this message: nothing happens without the code.\n";
        send(requestId, Mail.withText(to, "Your privacy request: verification code", text));
    }

    /** A request about a Client's end user or visitor: the Client is the controller and has the request now. */
    public void routed(UUID requestId, String to, String org) {
        String text = "We received your privacy request (request " + requestId + ").\n\n"
                + "The data it is about is held for our customer \"" + org + "\", who decides what is done with it: "
                + org + " is the controller of that data. We have passed your request on to them, and they will answer you.\n";
        send(requestId, Mail.withText(to, "Your privacy request was passed on to " + org, text));
    }

    public String statusLink(String statusToken) {
        String base = settings.url().endsWith("/") ? settings.url().substring(0, settings.url().length() - 1) : settings.url();
        return base + "/privacy/status/" + statusToken;
    }

    private void send(UUID requestId, Mail mail) {
        // Tried again on a failure: a pooled SMTP connection the relay closed while idle fails the first
        // send on it (seen in the e2e run), and the retry opens a fresh one.
        mailer.send(mail).onFailure().retry().withBackOff(java.time.Duration.ofMillis(200)).atMost(2).subscribe().with(
                ok -> LOG.infof("privacy-center mail sent for request %s", requestId),
                failure -> LOG.warnf("privacy-center mail for request %s could not be sent (%s); the requester can ask for a new code",
                        requestId, failure.getClass().getSimpleName()));
    }
}
