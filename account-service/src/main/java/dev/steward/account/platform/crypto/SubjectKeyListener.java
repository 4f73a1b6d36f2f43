package dev.steward.account.platform.crypto;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears, on PostgreSQL channel {@value #CHANNEL}, which data keys were deleted (crypto-shredding) or
 * re-wrapped by any replica (the V5 trigger on {@code subject_key}; NOTIFY is delivered at commit), and
 * evicts them from this replica's cache. Its own connection, not one from the pool: LISTEN belongs to
 * a session that must stay open. While it is not connected the cache is off, so a missed
 * announcement can never leave a shredded key usable; it reconnects every second.
 */
@Startup
@ApplicationScoped
public class SubjectKeyListener {

    public static final String CHANNEL = "subject_key_evicted";
    private static final Logger LOG = Logger.getLogger(SubjectKeyListener.class);
    private static final int WAIT_MS = 500;
    /** A silent connection is checked with a query this often (in waits), so a dead one is noticed. */
    private static final int PING_EVERY = 20;

    private final SubjectKeys keys;
    /** {@code steward.subject.keys.evictions}: keys named by announcements (a "*" counts once). */
    private final Counter evictions;
    private final String url;
    private final Properties credentials = new Properties();
    private volatile boolean running = true;
    /** Logged once per outage, not once a second while the database is away. */
    private boolean outageLogged;
    private Thread thread;

    public SubjectKeyListener(SubjectKeys keys, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                              @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                              @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                              MeterRegistry registry) {
        this.keys = keys;
        this.evictions = Counter.builder("steward.subject.keys.evictions")
                .description("Data keys evicted from this replica's cache on a database announcement (a '*' counts once)")
                .register(registry);
        this.url = url;
        user.ifPresent(u -> credentials.setProperty("user", u));
        password.ifPresent(p -> credentials.setProperty("password", p));
    }

    @PostConstruct
    void start() {
        thread = new Thread(this::listen, "subject-key-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        keys.caching(false);
    }

    private void listen() {
        while (running) {
            try (Connection c = new org.postgresql.Driver().connect(url, credentials)) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                keys.caching(true);
                if (outageLogged) {
                    LOG.info("Key-eviction listener connected again; data-key cache on");
                    outageLogged = false;
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                int silent = 0;
                while (running) {
                    PGNotification[] heard = pg.getNotifications(WAIT_MS);
                    if (heard != null && heard.length > 0) {
                        silent = 0;
                        for (PGNotification n : heard) {
                            evict(n.getParameter());
                        }
                    } else if (++silent % PING_EVERY == 0) {
                        try (Statement s = c.createStatement()) {
                            s.execute("select 1");
                        }
                    }
                }
            } catch (SQLException e) {
                if (running && !outageLogged) {
                    outageLogged = true;
                    // the driver's message is not logged: only the SQLSTATE
                    LOG.warnf("Key-eviction listener lost its connection (SQLSTATE %s); data-key cache off until it is back",
                            e.getSQLState());
                }
            } finally {
                keys.caching(false);
            }
            pause();
        }
    }

    private void evict(String payload) {
        if ("*".equals(payload)) {
            keys.evictAll();
            evictions.increment();
            return;
        }
        List<Long> ids = new ArrayList<>();
        for (String id : payload.split(",")) {
            try {
                ids.add(Long.parseLong(id.trim()));
            } catch (NumberFormatException e) {
                keys.evictAll(); // not ours to interpret: forget everything rather than keep a shredded key
                evictions.increment();
                return;
            }
        }
        keys.evict(ids);
        evictions.increment(ids.size());
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
