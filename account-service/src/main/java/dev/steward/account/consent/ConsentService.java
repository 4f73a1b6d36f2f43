package dev.steward.account.consent;

import dev.steward.platform.paging.Page;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.subject.SubjectRef;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * Consent and opt-out choices per purpose with their full history, and restriction of processing.
 * §6: without a notice to the contrary sharing is allowed, so every purpose defaults to true.
 */
@ApplicationScoped
@Transactional
public class ConsentService {

    private static final String SUBJECT = "org = ?1 and kind = ?2 and subjectId = ?3";

    private final Clock clock;

    public ConsentService(Clock clock) {
        this.clock = clock;
    }

    public ConsentEvent record(SubjectRef ref, ConsentChoice choice, String actor, String source) {
        ConsentEvent e = new ConsentEvent();
        e.org = ref.org();
        e.kind = ref.kind();
        e.subjectId = ref.id();
        e.purpose = choice.purpose();
        e.granted = choice.granted();
        e.at = clock.instant();
        e.actor = actor;
        e.source = source;
        e.persist();
        return e;
    }

    public ConsentState state(SubjectRef ref) {
        Map<Purpose, Boolean> purposes = new EnumMap<>(Purpose.class);
        for (Purpose p : Purpose.values()) {
            purposes.put(p, true);
        }
        ConsentEvent.<ConsentEvent>list("id in (select max(id) from ConsentEvent where " + SUBJECT + " group by purpose)",
                ref.org(), ref.kind(), ref.id()).forEach(e -> purposes.put(e.purpose, e.granted));
        boolean restricted = restricted(ref);
        if (restricted) {
            purposes.replaceAll((p, allowed) -> false);
        }
        return new ConsentState(ref, restricted, purposes);
    }

    public boolean restricted(SubjectRef ref) {
        return Restriction.<Restriction>findByIdOptional(PerSubject.Key.of(ref)).map(r -> r.restricted).orElse(false);
    }

    public ConsentState restrict(SubjectRef ref, boolean restricted, String requestId) {
        Restriction r = Restriction.<Restriction>findByIdOptional(PerSubject.Key.of(ref)).orElseGet(Restriction::new);
        r.org = ref.org();
        r.kind = ref.kind();
        r.subjectId = ref.id();
        r.restricted = restricted;
        r.requestId = requestId;
        r.updatedAt = clock.instant();
        r.persist();
        return state(ref);
    }

    /** Keyset-paged by id (the cursor is the last id). */
    public Page<ConsentEvent> history(SubjectRef ref, String cursor, int limit) {
        String after = Page.decode(cursor);
        long afterId;
        try {
            afterId = after == null ? 0 : Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("The cursor is not valid",
                    new Problem.FieldError("cursor", "is not a cursor this API issued"));
        }
        return Page.of(ConsentEvent.<ConsentEvent>find(SUBJECT + " and id > ?4", Sort.by("id"), ref.org(), ref.kind(),
                ref.id(), afterId).range(0, limit).list(), limit, e -> Long.toString(e.id));
    }
}
