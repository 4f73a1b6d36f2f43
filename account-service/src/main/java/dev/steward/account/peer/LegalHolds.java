package dev.steward.account.peer;

import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.subject.SubjectRef;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** Asks disclosure-service whether a subject (or its whole org) is on a legal hold; never guesses "no". */
@ApplicationScoped
public class LegalHolds {

    private static final Logger LOG = Logger.getLogger(LegalHolds.class);

    private final HoldsClient client;

    public LegalHolds(@RestClient HoldsClient client) {
        this.client = client;
    }

    public HoldsClient.Holds of(SubjectRef ref) {
        try {
            HoldsClient.Holds holds = client.active(ref.org(), ref.kind().name(), ref.id());
            return holds.holds() == null ? new HoldsClient.Holds(holds.held(), java.util.List.of()) : holds;
        } catch (RuntimeException e) {
            LOG.warnf("Legal holds could not be checked: %s", e.getClass().getSimpleName());
            throw new ProblemException(Problem.of(503, "holds-unavailable", "Legal holds unavailable",
                    "disclosure-service could not be asked about legal holds; nothing was erased. Retry later."));
        }
    }
}
