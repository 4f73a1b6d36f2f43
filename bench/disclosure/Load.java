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
import java.util.Base64;

/**
 * The benchmarks' token issuer (plain JDK, run as a single-file program: java Load.java ...); the load itself is wrk's.
 *   keygen DIR                     writes DIR/private.der (PKCS#8), DIR/public.b64 (X.509 SPKI) and DIR/oidc/jwks
 *   token DIR [SUB AUD ROLE]       prints a token signed with DIR/private.der (default: legal for disclosure-service;
 *                                  bench/account/me.sh asks for a customer's token for account-service)
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
        throw new IllegalArgumentException("usage: java Load.java keygen DIR | token DIR [SUB AUD ROLE]");
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
