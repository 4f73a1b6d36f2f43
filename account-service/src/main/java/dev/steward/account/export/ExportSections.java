package dev.steward.account.export;

import dev.steward.account.retention.RetentionConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What each kind of record in a subject's export is, in the words of the access report (§8, GDPR
 * Art. 15): every item of every section carries what it is, its data category (a key of the
 * taxonomy), why it is kept, where it came from and how long it is kept.
 */
@ApplicationScoped
public class ExportSections {

    /** The five facts every exported item names. */
    public record Description(String what, String category, String purpose, String source, String retention) {
    }

    static final String UNTIL_ERASED = "kept while we hold your data; erased with it when you ask (§8)";

    public static final Description ACCOUNT = new Description("Your account and its status",
            "user.account", "to provide the service and enforce the Service Agreement (§4, §8(c))", "SERVICE",
            "as long as the account exists; after a termination for a violation only a keyed hash of the email "
                    + "is kept, to stop re-registration (§8(c))");
    public static final Description CONSENT_ATTESTATION = new Description(
            "The Client's attestation that you consented to it storing your data with the provider",
            "user.privacy_preferences", "to show the Client's authority to store your data with the provider (§2)",
            "CLIENT", "as long as the Client stores your record; erased with it");
    public static final Description CONSENT = new Description("A consent or opt-out choice",
            "user.privacy_preferences", "to honour your choices and prove them (§3, §6)", null, UNTIL_ERASED);
    public static final Description PRIVACY_SIGNAL = new Description(
            "Whether your browser sent the Global Privacy Control signal with your last consent choice",
            "user.privacy_preferences", "to honour Global Privacy Control: no sharing, no advertising cookies (§5, §6)",
            "BROWSER", UNTIL_ERASED);
    public static final Description POLICY_ACCEPTANCE = new Description("Your acceptance of a privacy-policy version",
            "user.privacy_preferences", "to show which version of the privacy policy you accepted and when (§16)",
            "CUSTOMER", UNTIL_ERASED);
    public static final Description RESTRICTION = new Description("A restriction of processing you asked for",
            "user.privacy_preferences", "to stop sharing your data with third parties or using it for another purpose (§6)",
            "REQUEST", UNTIL_ERASED);
    public static final Description ACCESS_RECORD = new Description("Who read your data: one reader, summarised",
            "user.access_history", "accountability: every read of your data by someone other than you is recorded (§7)",
            "SERVICE", UNTIL_ERASED);
    public static final Description ERASURE_RECEIPT = new Description("The receipt of an erasure of your data",
            "user.privacy_requests", "to prove that an erasure was carried out and what was kept and why (§8)",
            "REQUEST", "kept as the record of the erasure (§8)");

    private final Description accessLog;

    public ExportSections(RetentionConfig retention) {
        this.accessLog = new Description("A network access log entry: IP address, time, duration, browser and page",
                "user.device", "to diagnose problems with our servers, administer the service and detect fraud or abuse (§3, §4)",
                "SERVICE", retention.accessLogDays() + " days after the access, then purged (§7); kept when the rest of "
                        + "your data is erased (§8(a))");
    }

    public Description accessLog() {
        return accessLog;
    }
}
