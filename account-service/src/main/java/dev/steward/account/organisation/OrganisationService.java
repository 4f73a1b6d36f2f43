package dev.steward.account.organisation;

import dev.steward.account.platform.crypto.MasterKey;
import dev.steward.account.platform.crypto.SubjectKeys;
import dev.steward.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;

/** Client organisations: registration, settings (the callback secret sealed under the master key) and status. */
@ApplicationScoped
@Transactional
public class OrganisationService {

    private final MasterKey master;
    private final Clock clock;

    public OrganisationService(SubjectKeys keys, Clock clock) {
        this.master = keys.master();
        this.clock = clock;
    }

    public Organisation create(NewOrganisation org) {
        if (Organisation.findById(org.id()) != null) {
            throw ProblemException.conflict("org-exists", "Organisation exists",
                    "An organisation with id '" + org.id() + "' already exists");
        }
        Organisation o = new Organisation();
        o.id = org.id();
        o.name = org.name();
        o.status = Organisation.Status.ACTIVE;
        o.createdAt = o.statusChangedAt = o.updatedAt = clock.instant();
        o.persist();
        return o;
    }

    public Organisation get(String id) {
        return Organisation.<Organisation>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Organisation " + id));
    }

    /** Keyset-paged in id order: {@code limitPlusOne} rows after {@code after}. */
    public List<Organisation> list(String after, int limitPlusOne) {
        return Organisation.<Organisation>find("id > ?1", Sort.by("id"), after == null ? "" : after)
                .range(0, limitPlusOne - 1).list();
    }

    public Organisation update(String id, OrganisationSettings s) {
        Organisation o = get(id);
        if (s.name() != null) {
            o.name = s.name();
        }
        if (s.callbackUrl() != null) {
            o.callbackUrl = s.callbackUrl();
        }
        if (s.callbackSecret() != null) {
            o.callbackSecretCt = seal(master, id, s.callbackSecret());
            o.callbackSecretKeyVersion = master.version();
        }
        if (s.sensitiveDataAcknowledged() != null) {
            o.sensitiveDataAcknowledged = s.sensitiveDataAcknowledged();
        }
        o.updatedAt = clock.instant();
        return o;
    }

    public Organisation changeStatus(String id, StatusChange change) {
        Organisation o = get(id);
        o.status = change.status();
        o.statusReason = change.reason();
        o.statusChangedAt = o.updatedAt = clock.instant();
        return o;
    }

    /** The organisation with its callback secret opened, for the other services. */
    public InternalOrganisation internal(String id) {
        Organisation o = get(id);
        return new InternalOrganisation(o.id, o.name, o.status, o.callbackUrl,
                o.callbackSecretCt == null ? null : open(master, id, o.callbackSecretCt), o.sensitiveDataAcknowledged, o.createdAt);
    }

    /** Key rotation: re-seals every callback secret not sealed under {@code target}'s primary key (a small table). */
    public long resealSecrets(MasterKey source, MasterKey target) {
        List<Organisation> stale = Organisation.list("callbackSecretCt is not null and callbackSecretKeyVersion <> ?1", target.version());
        for (Organisation o : stale) {
            o.callbackSecretCt = seal(target, o.id, open(source, o.id, o.callbackSecretCt));
            o.callbackSecretKeyVersion = target.version();
        }
        return stale.size();
    }

    private static byte[] seal(MasterKey key, String org, String secret) {
        try {
            return key.seal(secret.getBytes(StandardCharsets.UTF_8), "org-callback-secret:" + org);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal the callback secret");
        }
    }

    private static String open(MasterKey key, String org, byte[] ct) {
        try {
            return new String(key.open(ct, "org-callback-secret:" + org), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the callback secret of " + org + " cannot be opened");
        }
    }
}
