package dev.steward.console.legal;

import dev.steward.console.peer.Page;
import dev.steward.console.peer.PeerRefused;
import dev.steward.console.peer.Problem;
import dev.steward.console.web.FieldErrors;
import dev.steward.console.web.Forms;
import dev.steward.console.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Legal demands (issue 15): the queue (emergencies on top, days left), the intake form, one demand
 * with its timeline and only the moves its status allows, the second approver's approval, and the
 * notices due. disclosure-service decides every rule (the transition table, four eyes, scope); a
 * refusal is shown on the page with the service's message.
 */
@Path("/demands")
@Produces(MediaType.TEXT_HTML)
public class DemandsResource {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance demands(Page<DemandView> page, String status, String processType, String view,
                                               String cursor, FieldErrors errors);

        static native TemplateInstance intake(DemandForm form, FieldErrors errors);

        static native TemplateInstance demand(DemandView demand, FieldErrors errors, String failedMove, String newKey);

        static native TemplateInstance notices(DemandApi.NoticeList due, DemandApi.NoticeList overdue);
    }

    private final DemandApi api;

    public DemandsResource(@RestClient DemandApi api) {
        this.api = api;
    }

    @GET
    @RolesAllowed({Viewer.LEGAL, Viewer.PRIVACY_OFFICER, Viewer.AUDITOR})
    public Response list(@RestQuery String status, @RestQuery String processType, @RestQuery String view,
                         @RestQuery String cursor) {
        try {
            Page<DemandView> page = api.demands(Forms.blankToNull(status), Forms.blankToNull(processType),
                    Forms.blankToNull(view), PAGE_SIZE, Forms.blankToNull(cursor));
            return Response.ok(Templates.demands(page, status, processType, view, cursor, FieldErrors.NONE)).build();
        } catch (PeerRefused e) {
            return Response.status(e.problem().status()).entity(Templates.demands(new Page<>(null, null), status,
                    processType, view, cursor, new FieldErrors(e.problem()))).build();
        }
    }

    @GET
    @Path("/new")
    @RolesAllowed(Viewer.LEGAL)
    public TemplateInstance intakeForm() {
        return Templates.intake(DemandForm.blank(), FieldErrors.NONE);
    }

    @POST
    @RolesAllowed(Viewer.LEGAL)
    public Response receive(@BeanParam DemandForm form) {
        try {
            DemandView d = api.receive(form.toJson(), form.idempotencyKey());
            return Response.seeOther(URI.create("/demands/" + d.id())).build();
        } catch (PeerRefused e) {
            return Response.status(e.problem().status()).entity(Templates.intake(form.again(), new FieldErrors(e.problem())))
                    .build();
        }
    }

    @GET
    @Path("/notices")
    @RolesAllowed({Viewer.LEGAL, Viewer.PRIVACY_OFFICER, Viewer.AUDITOR})
    public TemplateInstance notices() {
        return Templates.notices(api.notices("due", 100), api.notices("overdue", 100));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Viewer.LEGAL, Viewer.PRIVACY_OFFICER, Viewer.AUDITOR})
    public TemplateInstance demand(@RestPath UUID id) {
        return Templates.demand(api.demand(id), FieldErrors.NONE, null, UUID.randomUUID().toString());
    }

    /** One move; approval by a second legal user is this same action, refused by the service for the recorder. */
    @POST
    @Path("/{id}/transitions")
    @RolesAllowed(Viewer.LEGAL)
    public Response transition(@RestPath UUID id, @BeanParam TransitionForm form) {
        if (!Forms.present(form.to())) {
            Problem p = new Problem(null, "Choose a status", 400, "Nothing was changed",
                    java.util.List.of(new Problem.FieldError("to", "must name the status to move to")));
            return Response.status(400).entity(Templates.demand(api.demand(id), new FieldErrors(p), null,
                    UUID.randomUUID().toString())).build();
        }
        try {
            api.transition(id, form.toJson(), form.idempotencyKey());
            return Response.seeOther(URI.create("/demands/" + id)).build();
        } catch (PeerRefused e) {
            return Response.status(e.problem().status()).entity(Templates.demand(api.demand(id),
                    new FieldErrors(e.problem()), form.to(), UUID.randomUUID().toString())).build();
        }
    }
}
