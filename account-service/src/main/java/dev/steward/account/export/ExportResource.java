package dev.steward.account.export;

import dev.steward.account.subject.SubjectPath;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import dev.steward.platform.subject.SubjectRef;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A subject's data for an access request, driven by request-service (service role only). */
@Path("/internal/subjects/{org}/{kind}/{id}/export")
@Tag(name = "Internal", description = "Service-to-service API (service role): export, rectification, erasure, restriction, consents, access logs, compliance")
@RolesAllowed(Roles.SERVICE)
public class ExportResource {

    private final SubjectExporter exporter;
    private final Caller caller;

    public ExportResource(SubjectExporter exporter, Caller caller) {
        this.exporter = exporter;
        this.caller = caller;
    }

    /**
     * Streamed JSON: fields, access logs, consents, who looked (summarised per reader), the account and
     * its termination, policy acceptances, consent attestations, restrictions and erasure receipts —
     * each item with what, category, purpose, source and retention. The service's read is itself
     * recorded ("who looked") before the stream starts.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(@PathParam("org") String org, @PathParam("kind") String kind, @PathParam("id") String id)
            throws SQLException {
        SubjectRef ref = SubjectPath.parse(org, kind, id);
        if (!exporter.known(ref)) {
            throw ProblemException.notFound("Subject " + org + "/" + kind + "/" + id);
        }
        exporter.recordRead(ref, caller);
        StreamingOutput body = out -> exporter.write(ref, out);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
