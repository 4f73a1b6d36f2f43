package dev.steward.platform.testing;

import dev.steward.platform.security.Roles;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mints bearer tokens for tests, signed with the key the WireMock OIDC server
 * ({@code OidcWiremockTestResource}) publishes, shaped like Keycloak's: realm roles under
 * {@code realm_access.roles}, the Client organisation in {@code org}, the three services as
 * audience.
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    public static final List<String> AUDIENCE = List.of("account-service", "request-service", "disclosure-service");

    private Tokens() {
    }

    public static String customer(String sub) {
        return of(sub, "steward", Roles.CUSTOMER);
    }

    public static String clientAdmin(String sub, String org) {
        return of(sub, org, Roles.CLIENT_ADMIN);
    }

    public static String officer(String sub) {
        return of(sub, null, Roles.PRIVACY_OFFICER);
    }

    public static String legal(String sub) {
        return of(sub, null, Roles.LEGAL);
    }

    public static String auditor(String sub) {
        return of(sub, null, Roles.AUDITOR);
    }

    /** A client-credentials token of one of the services. */
    public static String service(String clientId) {
        return of("service-account-" + clientId, null, Roles.SERVICE);
    }

    public static String of(String sub, String org, String... roles) {
        return sign(claims(sub, org, roles));
    }

    public static String expired(String sub, String... roles) {
        return sign(claims(sub, null, roles).issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)));
    }

    public static String wrongIssuer(String sub, String... roles) {
        return sign(claims(sub, null, roles).issuer("https://evil.example.com"));
    }

    public static String withAudience(String audience, String sub, String... roles) {
        return sign(claims(sub, null, roles).audience(audience));
    }

    /** A token whose person authenticated {@code secondsAgo} before now ({@code auth_time}). */
    public static String authenticatedAgo(long secondsAgo, String sub, String org, String... roles) {
        return sign(claims(sub, org, roles).claim("auth_time", Instant.now().getEpochSecond() - secondsAgo));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static JwtClaimsBuilder claims(String sub, String org, String... roles) {
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER)
                .subject(sub)
                .preferredUserName(sub)
                .audience(Set.copyOf(AUDIENCE))
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(3600));
        if (org != null) {
            builder.claim("org", org);
        }
        return builder;
    }

    private static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId("1").sign("privateKey.jwk");
    }
}
