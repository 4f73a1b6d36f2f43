package dev.steward.console.legal;

import dev.steward.console.web.Forms;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.console.peer.Page;
import dev.steward.console.peer.PeerRefused;
import dev.steward.console.web.FieldErrors;
import dev.steward.console.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Legal holds: the history (all, active or released), placing one on a subject or an org, releasing with a reason. */
@Path("/holds")
@Produces(MediaType.TEXT_HTML)
public class HoldsResource {

    public static final List<String> REASONS = List.of("FRAUD_INVESTIGATION", "LITIGATION", "ACCOUNT_VIOLATION",
            "REGULATOR_REQUEST");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance holds(Page<Hold> page, String active, String cursor, HoldForm form,
                                             FieldErrors errors, UUID failedRelease);
    }

    /** What the place-a-hold form sent back (redrawn with the service's errors when refused). */
    public record HoldForm(String scope, String org, String kind, String subjectId, String reason, String description,
                           String caseReference, String idempotencyKey) {

        static HoldForm blank() {
            return new HoldForm("SUBJECT", null, "ACCOUNT", null, null, null, null, UUID.randomUUID().toString());
        }

        public boolean isOrg() {
            return "ORG".equals(scope);
        }

        ObjectNode toJson() {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            if (isOrg()) {
                Forms.put(body, "org", org);
            } else {
                ObjectNode subject = body.putObject("subject");
                Forms.put(subject, "org", org);
                Forms.put(subject, "kind", kind);
                Forms.put(subject, "id", subjectId);
            }
            Forms.put(body, "reason", reason);
            Forms.put(body, "description", description);
            Forms.put(body, "caseReference", caseReference);
            return body;
        }
    }

    private final DisclosureApi api;

    public HoldsResource(@RestClient DisclosureApi api) {
        this.api = api;
    }

    @GET
    @RolesAllowed({Viewer.LEGAL, Viewer.PRIVACY_OFFICER, Viewer.AUDITOR})
    public TemplateInstance holds(@RestQuery String active, @RestQuery String cursor) {
        return page(active, cursor, HoldForm.blank(), FieldErrors.NONE, null);
    }

    @POST
    @RolesAllowed(Viewer.LEGAL)
    public Response place(@RestForm String scope, @RestForm String org, @RestForm String kind,
                          @RestForm String subjectId, @RestForm String reason, @RestForm String description,
                          @RestForm String caseReference, @RestForm String idempotencyKey) {
        HoldForm form = new HoldForm(scope, org, kind, subjectId, reason, description, caseReference, idempotencyKey);
        try {
            api.place(form.toJson(), idempotencyKey);
            return Response.seeOther(URI.create("/holds")).build();
        } catch (PeerRefused e) {
            HoldForm again = new HoldForm(scope, org, kind, subjectId, reason, description, caseReference,
                    UUID.randomUUID().toString());
            return Response.status(e.problem().status())
                    .entity(page(null, null, again, new FieldErrors(e.problem()), null)).build();
        }
    }

    @POST
    @Path("/{id}/release")
    @RolesAllowed(Viewer.LEGAL)
    public Response release(@RestPath UUID id, @RestForm String reason) {
        try {
            api.release(id, new DisclosureApi.Release(reason == null || reason.isBlank() ? null : reason));
            return Response.seeOther(URI.create("/holds")).build();
        } catch (PeerRefused e) {
            return Response.status(e.problem().status())
                    .entity(page(null, null, HoldForm.blank(), new FieldErrors(e.problem()), id)).build();
        }
    }

    private TemplateInstance page(String active, String cursor, HoldForm form, FieldErrors errors, UUID failedRelease) {
        Boolean onlyActive = "true".equals(active) ? Boolean.TRUE : "false".equals(active) ? Boolean.FALSE : null;
        Page<Hold> page = api.holds(onlyActive, 50, cursor == null || cursor.isBlank() ? null : cursor);
        return Templates.holds(page, active, cursor, form, errors, failedRelease);
    }

}
