package dev.steward.platform.security;

/** The realm roles of DESIGN.md; use these constants in {@code @RolesAllowed}. */
public final class Roles {
    public static final String CUSTOMER = "customer";
    public static final String CLIENT_ADMIN = "client-admin";
    public static final String PRIVACY_OFFICER = "privacy-officer";
    public static final String LEGAL = "legal";
    public static final String AUDITOR = "auditor";
    public static final String SERVICE = "service";

    private Roles() {
    }
}
