package dev.steward.console.web;

import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Set;

/**
 * The signed-in person as the pages see them: a display name, their Steward roles and the
 * navigation those roles allow. The services enforce the same roles again on every call.
 */
@TemplateData
public record Viewer(String name, Set<String> roles, List<NavItem> navigation) {

    public static final String PRIVACY_OFFICER = "privacy-officer";
    public static final String LEGAL = "legal";
    public static final String AUDITOR = "auditor";
    /** A person signed up directly: nothing in the console's back office, "my privacy" in the Privacy Center. */
    public static final String CUSTOMER = "customer";

    /** A navigation link and the roles that may follow it (the roles the page and its service both allow). */
    @TemplateData
    public record NavItem(String href, String label, Set<String> roles) {
    }

    /** Every page of the console, in the order the navigation shows them. */
    public static final List<NavItem> PAGES = List.of(
            new NavItem("/requests", "Request queue", Set.of(PRIVACY_OFFICER)),
            new NavItem("/reports/compliance", "Compliance report", Set.of(PRIVACY_OFFICER, AUDITOR)),
            new NavItem("/reports/metrics", "Request metrics", Set.of(PRIVACY_OFFICER, AUDITOR)),
            new NavItem("/disclosures", "Disclosures", Set.of(LEGAL, PRIVACY_OFFICER, AUDITOR)),
            new NavItem("/disclosures/new", "Record a disclosure", Set.of(LEGAL)),
            new NavItem("/demands", "Legal demands", Set.of(LEGAL, PRIVACY_OFFICER, AUDITOR)),
            new NavItem("/holds", "Legal holds", Set.of(LEGAL, PRIVACY_OFFICER, AUDITOR)),
            new NavItem("/subprocessors", "Sub-processors", Set.of(LEGAL, PRIVACY_OFFICER, AUDITOR)),
            new NavItem("/transparency", "Transparency report", Set.of(LEGAL, PRIVACY_OFFICER, AUDITOR)),
            new NavItem("/ledger", "Ledger", Set.of(LEGAL, PRIVACY_OFFICER, AUDITOR)));

    public static Viewer of(String name, Set<String> roles) {
        return new Viewer(name, Set.copyOf(roles),
                PAGES.stream().filter(p -> p.roles().stream().anyMatch(roles::contains)).toList());
    }

    public boolean signedIn() {
        return name != null;
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    /** Whether anything in the console is meant for this person (customers and client-admins: no). */
    public boolean hasWork() {
        return !navigation.isEmpty();
    }
}
