package dev.steward.account.platform.crypto;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Per-subject data keys (envelope encryption). Each subject has one AES256-GCM Tink keyset, stored
 * only wrapped by the master key in {@code subject_key}. Unwrapped keys are cached briefly in memory
 * (TTL + size bound) and never logged. Deleting the key row destroys every ciphertext of the subject.
 *
 * <p>Several replicas each keep such a cache: the cache is used only while {@link SubjectKeyListener}
 * hears the database's announcements of deleted and re-wrapped keys (and is emptied whenever it stops
 * hearing them), so a key shredded through any replica leaves every replica's memory when the erasure
 * commits, not a TTL later.
 */
@ApplicationScoped
public class SubjectKeys {

    private static final Logger LOG = Logger.getLogger(SubjectKeys.class);

    private final MasterKey master;
    private final Cache<Long, Aead> cache;
    /** Counts evictions: a key loaded while one happened is not cached (it may be the key just shredded). */
    private final AtomicLong evictions = new AtomicLong();
    /** Whether evictions announced by other replicas reach this one (SubjectKeyListener is connected). */
    private volatile boolean caching;

    public SubjectKeys(CryptoConfig config) {
        this.master = MasterKey.fromBase64Json(config.masterKey());
        this.cache = Caffeine.newBuilder().expireAfterWrite(config.keyCacheTtl()).maximumSize(config.keyCacheSize()).build();
    }

    public MasterKey master() {
        return master;
    }

    /**
     * Gives a fresh data key to every subject id that has none yet (inside the caller's transaction), and
     * returns the new keys: the caller encrypts with them directly instead of reading and unwrapping them
     * back (the cache may not admit them: its size bound prefers keys that are read often).
     */
    public Map<Long, Aead> createMissing(Connection c, Collection<Long> subjectIds) throws SQLException {
        Map<Long, Aead> created = new HashMap<>();
        if (subjectIds.isEmpty()) {
            return created;
        }
        List<Long> missing = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select s.id from unnest(?::bigint[]) s(id) where not exists (select 1 from subject_key k where k.subject_id = s.id)")) {
            ps.setArray(1, c.createArrayOf("bigint", subjectIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    missing.add(rs.getLong(1));
                }
            }
        }
        if (missing.isEmpty()) {
            return created;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into subject_key (subject_id, wrapped, key_version) values (?, ?, ?)")) {
            for (Long id : missing) {
                KeysetHandle dataKey = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
                ps.setLong(1, id);
                ps.setBytes(2, master.wrap(dataKey, id));
                ps.setLong(3, master.version());
                ps.addBatch();
                Aead aead = dataKey.getPrimitive(RegistryConfiguration.get(), Aead.class);
                created.put(id, aead);
                if (caching) {
                    cache.put(id, aead);
                }
            }
            ps.executeBatch();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not create data keys", e);
        }
        return created;
    }

    /** The subject's data key; {@link KeyDestroyedException} when it was erased (or never existed). */
    public Aead get(Connection c, long subjectId) throws SQLException {
        Aead cached = caching ? cache.getIfPresent(subjectId) : null;
        if (cached != null) {
            return cached;
        }
        return getAll(c, List.of(subjectId)).computeIfAbsent(subjectId, id -> {
            throw new KeyDestroyedException(id);
        });
    }

    /** Data keys of several subjects with one query; subjects without a key are absent from the map. */
    public Map<Long, Aead> getAll(Connection c, Collection<Long> subjectIds) throws SQLException {
        Map<Long, Aead> out = new HashMap<>();
        List<Long> toLoad = new ArrayList<>();
        long epoch = evictions.get();
        for (Long id : subjectIds) {
            Aead a = caching ? cache.getIfPresent(id) : null;
            if (a != null) {
                out.put(id, a);
            } else {
                toLoad.add(id);
            }
        }
        if (toLoad.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "select k.subject_id, k.wrapped from unnest(?::bigint[]) x(id) join subject_key k on k.subject_id = x.id")) {
            Array ids = c.createArrayOf("bigint", toLoad.toArray());
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    try {
                        Aead aead = master.unwrap(rs.getBytes(2), id);
                        if (caching && evictions.get() == epoch) {
                            cache.put(id, aead);
                        }
                        out.put(id, aead);
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("data key of subject " + id + " cannot be unwrapped");
                    }
                }
            }
        }
        return out;
    }

    /** Forgets a subject's unwrapped key (after erasure). */
    public void evict(Collection<Long> subjectIds) {
        evictions.incrementAndGet();
        cache.invalidateAll(subjectIds);
    }

    public void evictAll() {
        evictions.incrementAndGet();
        cache.invalidateAll();
    }

    /**
     * Turns the cache on while evictions from other replicas are heard, off (and empty) while they are
     * not: a replica that might miss an announcement reads every key from the database instead.
     */
    void caching(boolean on) {
        if (!on) {
            caching = false;
            evictAll();
        } else {
            evictAll();
            caching = true;
        }
    }

    public boolean caching() {
        return caching;
    }

    /** Whether this subject's unwrapped key is in memory now (tests and diagnostics; the key itself never leaves). */
    public boolean isCached(long subjectId) {
        return cache.getIfPresent(subjectId) != null;
    }

    /**
     * Re-wraps, in batches, every data key not wrapped by {@code target}'s primary key. Runs online:
     * rows are locked with SKIP LOCKED batch by batch, and readers keep unwrapping with any key of
     * the master keyset meanwhile. Returns how many keys were re-wrapped.
     */
    public long rewrap(javax.sql.DataSource db, MasterKey source, MasterKey target, int batchSize) {
        long total = 0;
        int done;
        do {
            // one short transaction per batch: a failure rolls back that batch only, and the next run resumes
            done = QuarkusTransaction.requiringNew().call(() -> rewrapBatch(db, source, target, batchSize));
            total += done;
        } while (done == batchSize);
        LOG.infof("Re-wrapped %d data keys under master key version %d", total, target.version());
        return total;
    }

    private static int rewrapBatch(javax.sql.DataSource db, MasterKey source, MasterKey target, int batchSize)
            throws SQLException {
        int done = 0;
        try (Connection c = db.getConnection();
             PreparedStatement select = c.prepareStatement("select subject_id, wrapped from subject_key where key_version <> ? "
                     + "order by subject_id limit ? for update skip locked");
             PreparedStatement update = c.prepareStatement(
                     "update subject_key set wrapped = ?, key_version = ?, rewrapped_at = now() where subject_id = ?")) {
            select.setLong(1, target.version());
            select.setInt(2, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    update.setBytes(1, target.wrap(source.unwrapHandle(rs.getBytes(2), id), id));
                    update.setLong(2, target.version());
                    update.setLong(3, id);
                    update.addBatch();
                    done++;
                }
            }
            if (done > 0) {
                update.executeBatch();
            }
            return done;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a data key could not be re-wrapped; is the old master key still in the keyset?");
        }
    }

    /** Ciphertext of one field, bound (associated data) to the subject and the field name. */
    public static byte[] encrypt(Aead aead, long subjectId, String field, String value) {
        try {
            return aead.encrypt(value.getBytes(StandardCharsets.UTF_8), ad(subjectId, field));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed");
        }
    }

    public static String decrypt(Aead aead, long subjectId, String field, byte[] ciphertext) {
        try {
            return new String(aead.decrypt(ciphertext, ad(subjectId, field)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a field of subject " + subjectId + " failed authentication");
        }
    }

    private static byte[] ad(long subjectId, String field) {
        return ("subject:" + subjectId + "/field:" + field).getBytes(StandardCharsets.UTF_8);
    }

    /** The subject's key is gone: its ciphertexts can no longer be read. */
    public static final class KeyDestroyedException extends RuntimeException {
        public KeyDestroyedException(long subjectId) {
            super("no data key for subject " + subjectId, null, false, false);
        }
    }
}
