import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU went in a JDK Flight Recorder file: each execution sample is charged to the layer of
 * its innermost recognised library frame (JWT, HTTP, JSON, encryption, JDBC, …; the JDK's crypto
 * counts for whoever called it), and the hottest methods by self time are listed. {@code java bench/TopFrames.java recording.jfr [rows]}; the benchmarks write
 * recordings with their {@code *.jfr} options (bench/README.md).
 */
public class TopFrames {

    /** Package prefixes to a layer's name; the first that matches a frame, innermost frame first, wins. */
    static final Map<String, String> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("org.jose4j", "JWT verification (jose4j / smallrye-jwt / quarkus-oidc)");
        LAYERS.put("io.smallrye.jwt", "JWT verification (jose4j / smallrye-jwt / quarkus-oidc)");
        LAYERS.put("io.quarkus.oidc", "JWT verification (jose4j / smallrye-jwt / quarkus-oidc)");
        LAYERS.put("com.google.crypto.tink", "encryption (Tink, AES-GCM, key unwrap)");
        LAYERS.put("com.fasterxml.jackson", "JSON (Jackson)");
        LAYERS.put("org.postgresql", "JDBC driver (pgjdbc)");
        LAYERS.put("io.agroal", "connection pool (Agroal)");
        LAYERS.put("com.arjuna", "transactions (Narayana)");
        LAYERS.put("io.quarkus.narayana", "transactions (Narayana)");
        LAYERS.put("org.hibernate", "Hibernate ORM / Validator");
        LAYERS.put("io.micrometer", "metrics (Micrometer)");
        LAYERS.put("org.jboss.logging", "logging");
        LAYERS.put("org.jboss.logmanager", "logging");
        LAYERS.put("dev.steward", "Steward's own code");
        LAYERS.put("org.jboss.resteasy", "REST layer (RESTEasy Reactive)");
        LAYERS.put("io.quarkus.resteasy", "REST layer (RESTEasy Reactive)");
        LAYERS.put("io.quarkus.vertx", "HTTP (Vert.x / Netty)");
        LAYERS.put("io.vertx", "HTTP (Vert.x / Netty)");
        LAYERS.put("io.netty", "HTTP (Vert.x / Netty)");
        LAYERS.put("io.quarkus.security", "security (Quarkus)");
        LAYERS.put("io.quarkus.arc", "CDI (ArC)");
        LAYERS.put("sun.security", "JDK crypto");
        LAYERS.put("javax.crypto", "JDK crypto");
        LAYERS.put("com.sun.crypto", "JDK crypto");
        LAYERS.put("java.util.zip", "JDK zip / gzip");
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java bench/TopFrames.java recording.jfr [rows]");
            System.exit(2);
        }
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Map<String, Integer> layers = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0)), 1, Integer::sum);
            }
            layers.merge(layer(frames), 1, Integer::sum);
        }
        System.out.printf("%d execution samples in %s%n%nby layer (innermost recognised frame):%n", samples, args[0]);
        print(layers, samples, rows);
        System.out.printf("%nhottest methods (self time):%n");
        print(self, samples, rows);
    }

    /** The layer of the innermost library frame; the JDK's own layers only when no library's frame is on the stack. */
    static String layer(List<RecordedFrame> frames) {
        for (boolean jdk : new boolean[] {false, true}) {
            for (RecordedFrame f : frames) {
                String type = f.getMethod().getType().getName();
                for (Map.Entry<String, String> l : LAYERS.entrySet()) {
                    if (type.startsWith(l.getKey()) && l.getValue().startsWith("JDK") == jdk) {
                        return l.getValue();
                    }
                }
            }
        }
        return "other (JDK, JIT-compiled stubs, GC)";
    }

    static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    static void print(Map<String, Integer> counts, int total, int rows) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(rows)
                .forEach(c -> System.out.printf("  %5.1f%%  %s%n", 100.0 * c.getValue() / total, c.getKey()));
    }
}
