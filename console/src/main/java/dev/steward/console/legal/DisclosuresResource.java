package dev.steward.console.legal;

import dev.steward.console.web.Forms;
import dev.steward.console.peer.Page;
import dev.steward.console.peer.PeerRefused;
import dev.steward.console.web.FieldErrors;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Legal's disclosure record: the list (optionally one subject's) with the proposals awaiting a
 * second legal user, one entry with its ledger place, recording. A disclosure to law enforcement or a
 * regulator is proposed instead of recorded; another legal user approves (and so records) or declines it.
 */
@Path("/disclosures")
@Produces(MediaType.TEXT_HTML)
public class DisclosuresResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<DisclosureView> page, List<Proposal> awaiting, String org, String kind,
                                            String subjectId, String cursor, FieldErrors errors);

        static native TemplateInstance detail(DisclosureView d);

        static native TemplateInstance form(DisclosureForm form, FieldErrors errors);

        static native TemplateInstance proposal(Proposal p, FieldErrors errors);
    }

    private final DisclosureApi api;

    public DisclosuresResource(@RestClient DisclosureApi api) {
        this.api = api;
    }

    @GET
    @RolesAllowed({Viewer.LEGAL, Viewer.PRIVACY_OFFICER, Viewer.AUDITOR})
    public Response list(@RestQuery String org, @RestQuery String kind, @RestQuery("id") String subjectId,
                         @RestQuery String cursor) {
        boolean bySubject = Forms.present(org) || Forms.present(kind) || Forms.present(subjectId);
        try {
            Page<DisclosureView> page = api.disclosures(bySubject ? org : null, bySubject ? kind : null,
                    bySubject ? subjectId : null, 50, Forms.present(cursor) ? cursor : null);
            // the proposals waiting sit on top of the unfiltered first page only: they are not one subject's
            List<Proposal> awaiting = bySubject || Forms.present(cursor) ? List.of()
                    : api.proposals(Proposal.AWAITING, 50, null).items();
            return Response.ok(Templates.list(page, awaiting, org, kind, subjectId, cursor, FieldErrors.NONE)).build();
        } catch (PeerRefused e) {
            return Response.status(e.problem().status()).entity(Templates.list(new Page<>(null, null), List.of(), org, kind,
                    subjectId, cursor, new FieldErrors(e.problem()))).build();
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Viewer.LEGAL, Viewer.PRIVACY_OFFICER, Viewer.AUDITOR})
    public TemplateInstance detail(@RestPath UUID id) {
        return Templates.detail(api.disclosure(id));
    }

    @GET
    @Path("/new")
    @RolesAllowed(Viewer.LEGAL)
    public TemplateInstance form(@RestQuery UUID corrects) {
        return Templates.form(DisclosureForm.blank(corrects == null ? null : corrects.toString()), FieldErrors.NONE);
    }

    /** Records the disclosure, or — to law enforcement or a regulator — proposes it for a second legal user's approval. */
    @POST
    @RolesAllowed(Viewer.LEGAL)
    public Response record(@BeanParam DisclosureForm form) {
        try {
            if (form.needsApproval()) {
                Proposal proposed = api.propose(form.toJson(), form.idempotencyKey);
                return Response.seeOther(URI.create("/disclosures/proposals/" + proposed.id())).build();
            }
            DisclosureView recorded = api.record(form.toJson(), form.idempotencyKey);
            return Response.seeOther(URI.create("/disclosures/" + recorded.id())).build();
        } catch (PeerRefused e) {
            return Response.status(e.problem().status())
                    .entity(Templates.form(form.withNewKey(), new FieldErrors(e.problem()))).build();
        }
    }

    @GET
    @Path("/proposals/{id}")
    @RolesAllowed({Viewer.LEGAL, Viewer.PRIVACY_OFFICER, Viewer.AUDITOR})
    public TemplateInstance proposal(@RestPath UUID id) {
        return Templates.proposal(api.proposal(id), FieldErrors.NONE);
    }

    /** A second legal user's approval: the disclosure is recorded as proposed, and its page opens. */
    @POST
    @Path("/proposals/{id}/approval")
    @RolesAllowed(Viewer.LEGAL)
    public Response approve(@RestPath UUID id) {
        try {
            return Response.seeOther(URI.create("/disclosures/" + api.approve(id).disclosureId())).build();
        } catch (PeerRefused e) {
            return refusedOn(id, e);
        }
    }

    /** Declined by a second legal user, or withdrawn by the proposer, with a reason. */
    @POST
    @Path("/proposals/{id}/decline")
    @RolesAllowed(Viewer.LEGAL)
    public Response decline(@RestPath UUID id, @RestForm String reason) {
        try {
            api.decline(id, new DisclosureApi.Decline(Forms.present(reason) ? reason : null));
            return Response.seeOther(URI.create("/disclosures/proposals/" + id)).build();
        } catch (PeerRefused e) {
            return refusedOn(id, e);
        }
    }

    /** The proposal again, as it is now, with the service's refusal (four eyes, already decided, no reason). */
    private Response refusedOn(UUID id, PeerRefused e) {
        return Response.status(e.problem().status())
                .entity(Templates.proposal(api.proposal(id), new FieldErrors(e.problem()))).build();
    }

}
