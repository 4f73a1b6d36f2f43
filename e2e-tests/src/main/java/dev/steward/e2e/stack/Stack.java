package dev.steward.e2e.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole Steward suite on one machine: PostgreSQL (one throwaway cluster, a database and role per
 * service), Keycloak with the steward realm, and the three services' packaged jars. Used by both the
 * local run command ({@link LocalStack}) and the end-to-end tests, so they start the same thing.
 * {@link #close()} stops everything it started, in reverse order.
 */
public final class Stack implements AutoCloseable {

    public static final List<String> SERVICES = List.of("account-service", "request-service", "disclosure-service");
    private static final Map<String, Integer> FIXED_PORTS = Map.of(
            "account-service", 8091, "request-service", 8092, "disclosure-service", 8093);
    private static final int FIXED_KEYCLOAK_PORT = 8180;
    /** The console: started after the services it calls, like them from its packaged fast-jar. */
    public static final String CONSOLE = "console";
    private static final int FIXED_CONSOLE_PORT = 8094;
    /** The local mail server: SMTP, and the page that lists what it received. */
    private static final int FIXED_SMTP_PORT = 2525;
    private static final int FIXED_MAILBOX_PAGE_PORT = 8095;

    /**
     * @param root     the repository (holds deploy/ and the services' target/quarkus-app)
     * @param workDir  logs and the embedded database (normally e2e-tests/target/...)
     * @param cacheDir downloads unpacked once (Keycloak)
     * @param fixedPorts the documented ports (8091-8093, 8180) rather than free random ones
     * @param replicas how many processes of each service (1, or more behind a {@link RoundRobinProxy}
     *                 on the service's address, like a Kubernetes Service before a Deployment's pods)
     */
    public record Options(Path root, Path workDir, Path cacheDir, boolean fixedPorts, int replicas) {

        /**
         * Options from system properties {@code steward.root}, {@code steward.cache} and
         * {@code steward.replicas} (or STEWARD_REPLICAS), else the defaults (one replica).
         */
        public static Options defaults(String workDirName, boolean fixedPorts) {
            Path root = locateRoot();
            String cache = System.getProperty("steward.cache", System.getenv("STEWARD_CACHE"));
            Path cacheDir = cache != null && !cache.isBlank() ? Path.of(cache) : defaultCache();
            String replicas = System.getProperty("steward.replicas", System.getenv().getOrDefault("STEWARD_REPLICAS", "1"));
            return new Options(root, root.resolve("e2e-tests/target").resolve(workDirName), cacheDir, fixedPorts,
                    Integer.parseInt(replicas.trim()));
        }

        private static Path defaultCache() {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
            return base.resolve("steward");
        }

        private static Path locateRoot() {
            String explicit = System.getProperty("steward.root");
            if (explicit != null && !explicit.isBlank()) {
                return Path.of(explicit).toAbsolutePath().normalize();
            }
            for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("deploy/keycloak"))) {
                    return p;
                }
            }
            throw new IllegalStateException("Cannot find the Steward repository: set -Dsteward.root");
        }
    }

    private final Options options;
    private final Progress progress;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    /** Every process of each service, the first being {@code services.get(name)}. */
    private final Map<String, List<ServiceProcess>> replicas = new LinkedHashMap<>();
    private final Map<String, RoundRobinProxy> proxies = new LinkedHashMap<>();
    private Database database;
    private Mailbox mailbox;
    private final String mailCodeSecret = java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID();
    private Keycloak keycloak;
    private Realm realm;
    private Tokens tokens;
    private double startSeconds;

    private Stack(Options options, Progress progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Starts everything and waits until it is ready; on failure stops what it started and throws. */
    public static Stack start(Options options, Progress progress) {
        Stack stack = new Stack(options, progress);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            progress.say("Start failed: %s", e.getMessage());
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        Path logs = options.workDir().resolve("logs");
        realm = Realm.read(options.root().resolve("deploy/keycloak/steward-realm.json"));
        for (String service : SERVICES) {
            ServiceProcess.jar(options.root(), service); // fail fast, before anything starts
        }
        ServiceProcess.jar(options.root(), CONSOLE);
        if (options.fixedPorts()) {
            List<Integer> busy = new ArrayList<>();
            for (int port : List.of(FIXED_KEYCLOAK_PORT, 8091, 8092, 8093, FIXED_CONSOLE_PORT, FIXED_SMTP_PORT,
                    FIXED_MAILBOX_PAGE_PORT)) {
                if (Ports.inUse(port)) {
                    busy.add(port);
                }
            }
            if (!busy.isEmpty()) {
                throw new IllegalStateException("Port(s) " + busy + " on 127.0.0.1 already in use: is another Steward stack running?");
            }
        }

        // Keycloak takes longest: start it first, make the databases while it boots.
        int kcPort = options.fixedPorts() ? FIXED_KEYCLOAK_PORT : Ports.free();
        int consolePort = options.fixedPorts() ? FIXED_CONSOLE_PORT : Ports.free();
        keycloak = Keycloak.start(options.cacheDir(), realm.forConsoleAt(consolePort, options.workDir().resolve("realm")),
                kcPort, logs, progress);
        started.add(keycloak);

        database = startDatabase();
        started.add(database);
        mailbox = options.fixedPorts() ? Mailbox.start(FIXED_SMTP_PORT, FIXED_MAILBOX_PAGE_PORT) : Mailbox.start(Ports.free(), Ports.free());
        started.add(mailbox);
        progress.say("Mail server: SMTP on 127.0.0.1:%d, received mail at %s", mailbox.smtpPort(), mailbox.pageUrl());
        Map<String, String[]> credentials = new LinkedHashMap<>();
        for (String service : SERVICES) {
            String db = service.replace("-service", "");
            String password = java.util.UUID.randomUUID().toString().replace("-", "");
            database.createServiceDatabase(db, password);
            credentials.put(service, new String[] {database.jdbcUrl(db), db, password});
        }
        // disclosure-service migrates as the owner and runs as a role that may only SELECT and INSERT
        // on the legal record (its migrations grant that role its rights).
        String disclosureAppPassword = java.util.UUID.randomUUID().toString().replace("-", "");
        database.createRuntimeRole("disclosure", "disclosure_app", disclosureAppPassword);
        progress.say("Databases account, request, disclosure ready (each owned by its own role; disclosure_app runs disclosure-service)");

        keycloak.awaitReady(Duration.ofMinutes(5), progress);
        tokens = new Tokens(keycloak, realm);

        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : SERVICES) {
            ports.put(service, options.fixedPorts() ? FIXED_PORTS.get(service) : Ports.free());
        }
        Map<String, String> keys = ServiceKeys.generate();
        for (String service : SERVICES) {
            String[] db = credentials.get(service);
            Map<String, String> env = new LinkedHashMap<>();
            env.put("DB_URL", db[0]);
            env.put("DB_USER", db[1]);
            env.put("DB_PASSWORD", db[2]);
            env.put("OIDC_URL", keycloak.issuer());
            env.put("OIDC_CLIENT_SECRET", realm.secret(service));
            env.put("ACCOUNT_SERVICE_URL", "http://127.0.0.1:" + ports.get("account-service"));
            env.put("REQUEST_SERVICE_URL", "http://127.0.0.1:" + ports.get("request-service"));
            env.put("DISCLOSURE_SERVICE_URL", "http://127.0.0.1:" + ports.get("disclosure-service"));
            env.putAll(ServiceKeys.forService(service, keys));
            if (service.equals("request-service")) {
                env.putAll(mail(consolePort));
            }
            if (service.equals("disclosure-service")) {
                env.put("DB_APP_USER", "disclosure_app");
                env.put("DB_APP_PASSWORD", disclosureAppPassword);
            }
            startReplicas(service, ports.get(service), env, logs);
        }
        services.put(CONSOLE, startConsole(consolePort, ports, logs));
        started.add(services.get(CONSOLE));
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (ServiceProcess s : allProcesses()) {
            ready.add(CompletableFuture.runAsync(() -> s.awaitReady(Duration.ofMinutes(3), progress)));
        }
        try {
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        startSeconds = progress.seconds();
        progress.say("All up in %.1f s", startSeconds);
    }

    /**
     * One process on the service's port, or, with several replicas, each on a port of its own behind a
     * round-robin proxy on the service's port (every peer and the console call the proxy). Replicas share
     * the service's database and differ only in their port — which also names their scheduler instance.
     */
    private void startReplicas(String service, int port, Map<String, String> env, Path logs) {
        if (options.replicas() <= 1) {
            ServiceProcess process = ServiceProcess.start(options.root(), service, port, env, logs,
                    options.workDir().resolve("apps"), progress);
            services.put(service, process);
            replicas.put(service, List.of(process));
            started.add(process);
            return;
        }
        List<ServiceProcess> processes = new ArrayList<>();
        for (int i = 1; i <= options.replicas(); i++) {
            ServiceProcess process = ServiceProcess.start(options.root(), service, service + "-" + i, Ports.free(), env,
                    logs, options.workDir().resolve("apps"), progress);
            processes.add(process);
            started.add(process);
        }
        services.put(service, processes.get(0));
        replicas.put(service, List.copyOf(processes));
        RoundRobinProxy proxy = RoundRobinProxy.start(service, port, processes.stream().map(ServiceProcess::port).toList());
        proxies.put(service, proxy);
        started.add(proxy);
        progress.say("%s: %d replicas behind %s", service, processes.size(), proxy);
    }

    /**
     * request-service's mail and Privacy Center settings: the stack's SMTP server, plain on the loopback;
     * links in mail lead to the console's Privacy Center; the console forwards each visitor's address
     * (X-Forwarded-For) from the loopback; one code secret for every replica.
     */
    private Map<String, String> mail(int consolePort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MAIL_HOST", "127.0.0.1");
        env.put("MAIL_PORT", Integer.toString(mailbox.smtpPort()));
        env.put("MAIL_TLS", "false");
        env.put("MAIL_STARTTLS", "DISABLED");
        env.put("MAIL_FROM", "Steward Privacy Center <privacy@steward.localhost>");
        env.put("PRIVACY_CENTER_URL", "http://127.0.0.1:" + consolePort);
        env.put("TRUST_PROXY", "true");
        env.put("TRUSTED_PROXIES", "127.0.0.1");
        env.put("VERIFICATION_CODE_SECRET", mailCodeSecret);
        return env;
    }

    private List<ServiceProcess> allProcesses() {
        List<ServiceProcess> all = new ArrayList<>();
        replicas.values().forEach(all::addAll);
        services.values().stream().filter(s -> !all.contains(s)).forEach(all::add);
        return all;
    }

    /** The console: the person's browser signs in at Keycloak, the console calls the services with that token. */
    private ServiceProcess startConsole(int port, Map<String, Integer> ports, Path logs) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OIDC_URL", keycloak.issuer());
        env.put("OIDC_CLIENT_SECRET", realm.secret(CONSOLE));
        env.put("CONSOLE_OIDC_ORIGIN", keycloak.url());
        env.put("CONSOLE_SESSION_SECRET", java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID());
        env.put("CONSOLE_STATE_SECRET", java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID());
        env.put("ACCOUNT_SERVICE_URL", "http://127.0.0.1:" + ports.get("account-service"));
        env.put("REQUEST_SERVICE_URL", "http://127.0.0.1:" + ports.get("request-service"));
        env.put("DISCLOSURE_SERVICE_URL", "http://127.0.0.1:" + ports.get("disclosure-service"));
        return ServiceProcess.start(options.root(), CONSOLE, port, env, logs, options.workDir().resolve("apps"), progress);
    }

    private Database startDatabase() {
        int port = options.fixedPorts() && !Ports.inUse(5433) ? 5433 : Ports.free();
        boolean preferEmbedded = Boolean.getBoolean("steward.embedded-postgres")
                || "true".equals(System.getenv("STEWARD_EMBEDDED_POSTGRES"));
        Optional<Path> initdb = preferEmbedded ? Optional.empty() : DebianPostgres.initdbOnPath();
        Database db;
        if (initdb.isPresent()) {
            progress.say("Starting a throwaway PostgreSQL cluster (%s) on port %d", initdb.get(), port);
            db = DebianPostgres.start(port, progress);
        } else {
            progress.say("No initdb on PATH: starting embedded PostgreSQL 15 (zonky) on port %d", port);
            db = ZonkyPostgres.start(options.workDir(), port);
        }
        progress.say("%s", db.describe());
        return db;
    }

    public Keycloak keycloak() {
        return keycloak;
    }

    public Realm realm() {
        return realm;
    }

    public Tokens tokens() {
        return tokens;
    }

    /** The stack's SMTP server and what it received. */
    public Mailbox mailbox() {
        return mailbox;
    }

    public Database database() {
        return database;
    }

    public ServiceProcess service(String name) {
        ServiceProcess s = services.get(name);
        if (s == null) {
            throw new IllegalArgumentException("No service " + name);
        }
        return s;
    }

    /** The service's address: its one process, or the proxy before its replicas. */
    public String url(String service) {
        RoundRobinProxy proxy = proxies.get(service);
        return proxy != null ? "http://127.0.0.1:" + proxy.port() : service(service).url();
    }

    /** Every replica of the service (one element when the stack runs one of each). */
    public List<ServiceProcess> replicas(String service) {
        List<ServiceProcess> list = replicas.get(service);
        if (list == null) {
            throw new IllegalArgumentException("No service " + service);
        }
        return list;
    }

    /** The proxy before the service's replicas, if it has several. */
    public Optional<RoundRobinProxy> proxy(String service) {
        return Optional.ofNullable(proxies.get(service));
    }

    public double startSeconds() {
        return startSeconds;
    }

    public Progress progress() {
        return progress;
    }

    /** Resident memory of each process of the stack in MiB (from /proc, like {@code ps -o rss}). */
    public Map<String, Long> residentMiB() {
        Map<String, Long> rss = new LinkedHashMap<>();
        keycloak.javaProcess().ifPresent(p -> rss.put("keycloak", Memory.rssMiB(p.pid())));
        for (ServiceProcess s : allProcesses()) {
            String name = s.log().getFileName().toString().replace(".log", "");
            rss.put(name, Memory.rssMiB(s.handle().pid()));
        }
        return rss;
    }

    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            AutoCloseable c = started.get(i);
            try {
                c.close();
            } catch (Exception e) {
                progress.say("Could not stop %s: %s", c, e.getMessage());
            }
        }
        if (!started.isEmpty()) {
            progress.say("Stopped everything the stack started");
        }
        started.clear();
    }
}
