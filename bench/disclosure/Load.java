import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's HTTP client (plain JDK, run as a single-file program: java Load.java ...).
 *   keygen DIR                     writes DIR/private.der (PKCS#8), DIR/public.b64 (X.509 SPKI) and DIR/oidc/jwks
 *   token DIR [SUB AUD ROLE]       prints a token signed with DIR/private.der (default: legal for disclosure-service;
 *                                  bench/account/me.sh asks for a customer's token for account-service)
 *   run URL DIR CLIENTS SECONDS    POSTs compelled disclosures (no peer call) with CLIENTS threads,
 *                                  after a warm-up of SECONDS/4, and prints appends/s
 */
public class Load {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("keygen")) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair kp = g.generateKeyPair();
            Path dir = Path.of(args[1]);
            Files.write(dir.resolve("private.der"), kp.getPrivate().getEncoded());
            Files.writeString(dir.resolve("public.b64"), Base64.getEncoder().encodeToString(kp.getPublic().getEncoded()));
            java.security.interfaces.RSAPublicKey pub = (java.security.interfaces.RSAPublicKey) kp.getPublic();
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            Files.createDirectories(dir.resolve("oidc"));
            Files.writeString(dir.resolve("oidc/jwks"), "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"bench\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\""
                    + url.encodeToString(unsigned(pub.getModulus().toByteArray())) + "\",\"e\":\""
                    + url.encodeToString(unsigned(pub.getPublicExponent().toByteArray())) + "\"}]}");
            return;
        }
        if (args[0].equals("token")) {
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(Path.of(args[1]).resolve("private.der"))));
            System.out.println(args.length >= 5 ? token(key, args[2], args[3], args[4]) : token(key));
            return;
        }
        String url = args[1];
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(Path.of(args[2]).resolve("private.der"))));
        int clients = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        String token = token(key);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String today = LocalDate.now().toString();
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            int client = t;
            Thread thread = new Thread(() -> {
                long n = 0;
                while (!stop.get()) {
                    // a credit bureau under fraud prevention: compelled (no consent check) and without four eyes
                    // (law enforcement would need a second user's approval first); the append path is the same
                    String body = "{\"recipient\":{\"type\":\"CONSUMER_REPORTING_AGENCY\",\"name\":\"Credit Bureau\"},"
                            + "\"legalBasis\":\"FRAUD_PREVENTION\",\"caseReference\":\"B-" + client + "-" + n + "\","
                            + "\"receivedOn\":\"" + today + "\",\"disclosedOn\":\"" + today + "\","
                            + "\"subjects\":[{\"org\":\"bench\",\"kind\":\"END_USER\",\"id\":\"u" + client + "-" + n + "\"}],"
                            + "\"dataCategories\":[\"user.contact.email\"],\"purpose\":\"Benchmark\","
                            + "\"outcome\":\"NON_CONTENT_DISCLOSED\"}";
                    n++;
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/disclosures"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        if (counting.get()) {
                            (r.statusCode() == 201 ? ok : failed).incrementAndGet();
                        }
                        if (r.statusCode() != 201 && failed.get() < 3 && counting.get()) {
                            System.err.println(r.statusCode() + " " + r.body());
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(Math.max(2, seconds / 4) * 1000L);
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        counting.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        System.out.printf("api_appends=%d failed=%d seconds=%.1f rate=%.1f%n", ok.get(), failed.get(), elapsed, ok.get() / elapsed);
    }

    private static byte[] unsigned(byte[] b) {
        return b.length > 1 && b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static String token(PrivateKey key) throws Exception {
        return token(key, "bench-legal", "disclosure-service", "legal");
    }

    private static String token(PrivateKey key, String sub, String aud, String role) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}";
        String claims = "{\"iss\":\"https://bench.steward.local\",\"sub\":\"" + sub + "\",\"preferred_username\":\"" + sub + "\","
                + "\"aud\":[\"" + aud + "\"],\"realm_access\":{\"roles\":[\"" + role + "\"]},\"iat\":" + now
                + ",\"exp\":" + (now + Duration.ofHours(2).toSeconds()) + "}";
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(s.sign());
    }
}
