package dev.steward.disclosure.record;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.platform.peer.PeerCallMetrics;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.subject.SubjectRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * User choice (§6): a voluntary disclosure is refused for any subject who opted out of
 * third-party sharing or restricted processing, as account-service knows it. When account-service
 * cannot answer, the voluntary disclosure is not recorded (503): the choice cannot be checked.
 */
@ApplicationScoped
public class ConsentCheck {

    private static final Logger LOG = Logger.getLogger(ConsentCheck.class);

    private final AccountClient accounts;
    private final PeerCallMetrics peerCalls;

    public ConsentCheck(@RestClient AccountClient accounts, PeerCallMetrics peerCalls) {
        this.accounts = accounts;
        this.peerCalls = peerCalls;
    }

    public void requireSharingAllowed(List<SubjectRef> subjects) {
        List<String> refusals = new ArrayList<>();
        for (SubjectRef s : new LinkedHashSet<>(subjects)) {
            JsonNode consents;
            try {
                consents = peerCalls.time(PeerCallMetrics.ACCOUNT, () -> accounts.consents(s.org(), s.kind().name(), s.id()));
            } catch (RuntimeException e) {
                LOG.warnf("account-service could not answer for consents: %s", e.getMessage());
                throw new ProblemException(Problem.of(503, "consent-unavailable", "Consent cannot be checked",
                        "account-service did not answer, so the subjects' sharing choices (§6) cannot be checked;"
                                + " a voluntary disclosure is not recorded without them. Try again later."));
            }
            String who = s.org() + "/" + s.kind() + "/" + s.id();
            if (consents.path("restricted").asBoolean(false)) {
                refusals.add(who + " has restricted the processing of their data");
            }
            JsonNode sharing = consents.path("purposes").path("THIRD_PARTY_SHARING");
            if (!sharing.isMissingNode() && !sharing.asBoolean(true)) {
                refusals.add(who + " opted out of sharing with third parties");
            }
        }
        if (!refusals.isEmpty()) {
            throw ProblemException.conflict("subject-opted-out", "Subject opted out of sharing",
                    "A voluntary disclosure is refused (§6): " + String.join("; ", refusals)
                            + ". Only a legally compelled disclosure may be recorded for these subjects.");
        }
    }
}
