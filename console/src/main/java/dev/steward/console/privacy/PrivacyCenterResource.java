package dev.steward.console.privacy;

import dev.steward.console.peer.Page;
import dev.steward.console.peer.PeerRefused;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The Privacy Center's public pages without forms: the home page (the rights and whom to contact,
 * §14) and the policy (the current version, its change summary and the history, §16). No sign-in.
 */
@Path("/privacy")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class PrivacyCenterResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(PrivacyCenterSettings.Custodian custodian);

        static native TemplateInstance policy(PublicAccountApi.PolicyVersion version, boolean current, String text,
                                              List<PublicAccountApi.PolicyVersion> history,
                                              PrivacyCenterSettings.Custodian custodian);
    }

    private final PublicAccountApi accounts;
    private final PrivacyCenterSettings settings;

    public PrivacyCenterResource(@RestClient PublicAccountApi accounts, PrivacyCenterSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    @GET
    public TemplateInstance home() {
        return Templates.home(settings.custodian());
    }

    /** The version in force today; none published yet is said plainly (404). */
    @GET
    @Path("/policy")
    public Response policy() {
        try {
            return Response.ok(page(accounts.currentPolicy(), true)).build();
        } catch (PeerRefused e) {
            if (e.problem().status() != 404) {
                throw e;
            }
            return Response.status(404).entity(Templates.policy(null, true, null, history(), settings.custodian())).build();
        }
    }

    @GET
    @Path("/policy/{number}")
    public TemplateInstance version(@RestPath String number) {
        PublicAccountApi.PolicyVersion current = currentOrNull();
        PublicAccountApi.PolicyVersion v = accounts.policy(number);
        return page(v, current != null && current.number().equals(v.number()));
    }

    private TemplateInstance page(PublicAccountApi.PolicyVersion v, boolean current) {
        String text = v.textAvailable() ? accounts.policyText(v.number()) : null;
        return Templates.policy(v, current, text, history(), settings.custodian());
    }

    /** Every version, newest first (a policy has a handful; 100 covers decades of changes). */
    private List<PublicAccountApi.PolicyVersion> history() {
        Page<PublicAccountApi.PolicyVersion> page = accounts.policies(100, null);
        return page.items().stream().sorted((a, b) -> b.effectiveDate().compareTo(a.effectiveDate())).toList();
    }

    private PublicAccountApi.PolicyVersion currentOrNull() {
        try {
            return accounts.currentPolicy();
        } catch (PeerRefused e) {
            return null;
        }
    }
}
