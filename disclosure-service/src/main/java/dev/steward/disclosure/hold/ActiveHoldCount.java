package dev.steward.disclosure.hold;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/** How many legal holds are active now, for the metrics (in a transaction of its own: a scrape has none). */
@ApplicationScoped
public class ActiveHoldCount {

    public long count() {
        return QuarkusTransaction.requiringNew().call(LegalHold::countActive);
    }
}
