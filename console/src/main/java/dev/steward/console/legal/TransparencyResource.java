package dev.steward.console.legal;

import dev.steward.console.web.Forms;
import dev.steward.console.peer.PeerRefused;
import dev.steward.console.web.FieldErrors;
import dev.steward.console.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

/** The transparency report: choose the period, see the table, download the CSV. */
@Path("/transparency")
@RolesAllowed({Viewer.LEGAL, Viewer.PRIVACY_OFFICER, Viewer.AUDITOR})
public class TransparencyResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance transparency(DisclosureApi.Transparency report, String from, String to,
                                                    FieldErrors errors);
    }

    private final DisclosureApi api;

    public TransparencyResource(@RestClient DisclosureApi api) {
        this.api = api;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@RestQuery String from, @RestQuery String to) {
        try {
            DisclosureApi.Transparency report = api.transparency(Forms.blankToNull(from), Forms.blankToNull(to));
            // the period the service chose when none was given, shown in the date fields
            return Response.ok(Templates.transparency(report, Forms.present(from) ? from : report.from(),
                    Forms.present(to) ? to : report.to(), FieldErrors.NONE)).build();
        } catch (PeerRefused e) {
            return Response.status(e.problem().status())
                    .entity(Templates.transparency(null, from, to, new FieldErrors(e.problem()))).build();
        }
    }

    @GET
    @Path("/csv")
    @Produces("text/csv")
    public Response csv(@RestQuery String from, @RestQuery String to) {
        Response peer = api.transparencyCsv(Forms.blankToNull(from), Forms.blankToNull(to), "csv");
        String disposition = peer.getHeaderString("Content-Disposition");
        return Response.ok(peer.readEntity(String.class), "text/csv; charset=UTF-8")
                .header("Content-Disposition", disposition != null ? disposition
                        : "attachment; filename=\"transparency.csv\"").build();
    }

}
