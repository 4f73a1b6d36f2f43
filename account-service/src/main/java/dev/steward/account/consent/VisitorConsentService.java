package dev.steward.account.consent;

import dev.steward.account.organisation.Organisation;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.subject.SubjectRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Visitors' consent choices (issue 14 §4, policy §3, §5, §6), kept as the same append-only consent
 * history as everyone's ({@link ConsentEvent}, subject kind VISITOR), so they reach the visitor's export
 * and access report. Unlike a customer's opt-outs, nothing is granted until the visitor chooses it.
 * Global Privacy Control ({@code Sec-GPC: 1}) opts the visitor out of sharing and advertising cookies
 * whatever the choices sent with it say.
 */
@ApplicationScoped
@Transactional
public class VisitorConsentService {

    /** What a browser's Global Privacy Control signal opts out of: sale/sharing and advertising (§5, §6). */
    static final List<Purpose> GPC_OPTS_OUT = List.of(Purpose.THIRD_PARTY_SHARING, Purpose.ADVERTISING_COOKIES);
    static final String ACTOR = "visitor";

    private final ConsentService consents;
    private final Clock clock;

    public VisitorConsentService(ConsentService consents, Clock clock) {
        this.consents = consents;
        this.clock = clock;
    }

    /** Records what changed (a purpose's granted value or its source) as events; returns the new state. */
    public VisitorConsent choose(String org, String visitorId, Map<Purpose, Boolean> choices, VisitorSource source, boolean gpc) {
        SubjectRef ref = visitor(org, visitorId);
        // an upsert, not find-then-persist: the first two PUTs of a new visitor cannot collide, and the row
        // stays locked until commit, so concurrent PUTs of one visitor record their changes one after the other
        PrivacySignal.getEntityManager().createNativeQuery("insert into privacy_signal (org, kind, subject_id, gpc, received_at) "
                        + "values (?1, ?2, ?3, ?4, ?5) on conflict (org, kind, subject_id) do update "
                        + "set gpc = excluded.gpc, received_at = excluded.received_at")
                .setParameter(1, ref.org()).setParameter(2, ref.kind().name()).setParameter(3, ref.id())
                .setParameter(4, gpc).setParameter(5, clock.instant()).executeUpdate();
        Map<Purpose, ConsentChoice> wanted = new EnumMap<>(Purpose.class);
        Map<Purpose, String> sources = new EnumMap<>(Purpose.class);
        choices.forEach((purpose, granted) -> {
            wanted.put(purpose, new ConsentChoice(purpose, granted));
            sources.put(purpose, source.name());
        });
        if (gpc) {
            for (Purpose p : GPC_OPTS_OUT) {
                wanted.put(p, new ConsentChoice(p, false));
                sources.put(p, VisitorSource.GPC.name());
            }
        }
        Map<Purpose, ConsentEvent> current = latest(ref);
        wanted.forEach((purpose, choice) -> {
            ConsentEvent now = current.get(purpose);
            if (now == null || now.granted != choice.granted() || !now.source.equals(sources.get(purpose))) {
                consents.record(ref, choice, ACTOR, sources.get(purpose));
            }
        });
        return state(ref);
    }

    public VisitorConsent state(String org, String visitorId) {
        return state(visitor(org, visitorId));
    }

    private VisitorConsent state(SubjectRef ref) {
        Map<Purpose, ConsentEvent> latest = latest(ref);
        List<VisitorConsent.Choice> choices = new ArrayList<>();
        for (Purpose p : Purpose.values()) {
            ConsentEvent e = latest.get(p);
            choices.add(e == null ? new VisitorConsent.Choice(p, false, null, null)
                    : new VisitorConsent.Choice(p, e.granted, e.source, e.at));
        }
        boolean gpc = PrivacySignal.<PrivacySignal>findByIdOptional(PerSubject.Key.of(ref)).map(s -> s.gpc).orElse(false);
        return new VisitorConsent(ref.org(), ref.id(), gpc, choices);
    }

    private static Map<Purpose, ConsentEvent> latest(SubjectRef ref) {
        Map<Purpose, ConsentEvent> out = new EnumMap<>(Purpose.class);
        ConsentEvent.<ConsentEvent>list("id in (select max(id) from ConsentEvent where org = ?1 and kind = ?2 "
                + "and subjectId = ?3 group by purpose)", ref.org(), ref.kind(), ref.id()).forEach(e -> out.put(e.purpose, e));
        return out;
    }

    /** Visitors belong to an existing org (a Client's website, or the provider's own: "steward"). */
    private static SubjectRef visitor(String org, String visitorId) {
        if (Organisation.findById(org) == null) {
            throw ProblemException.notFound("Organisation");
        }
        return new SubjectRef(org, SubjectRef.Kind.VISITOR, visitorId);
    }
}
