package dev.steward.disclosure.record;

import dev.steward.platform.idempotency.IdempotentPosts;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Approvals of direct disclosures to law enforcement or a regulator: the second legal user, signed
 * in as themselves, approves the disclosure exactly as it is to be recorded; the recorder then
 * POSTs it to /disclosures with {@code approval} = this approval's id.
 */
@Path("/disclosure-approvals")
@Tag(name = "Disclosures")
@Transactional(rollbackOn = Exception.class)
public class DisclosureApprovalResource {

    private final Approvals approvals;
    private final Caller caller;
    private final IdempotentPosts idempotentPosts;

    public DisclosureApprovalResource(Approvals approvals, Caller caller, IdempotentPosts idempotentPosts) {
        this.approvals = approvals;
        this.caller = caller;
        this.idempotentPosts = idempotentPosts;
    }

    @POST
    @RolesAllowed(Roles.LEGAL)
    @Operation(summary = "Approve a disclosure as a second legal user (the body is the disclosure as it is to be recorded)")
    @APIResponseSchema(value = DisclosureApproval.View.class, responseCode = "201", responseDescription = "The approval; name its id as the disclosure's approval")
    public Response approve(@HeaderParam(IdempotentPosts.HEADER) String idempotencyKey,
                            @Valid @NotNull NewDisclosure disclosure) throws SQLException {
        if (!disclosure.recipient().type().needsFourEyes()) {
            throw ProblemException.unprocessable("no-approval-needed", "No approval needed",
                    "Only disclosures to law enforcement or a regulator are approved by a second person",
                    new dev.steward.platform.problem.Problem.FieldError("recipient.type", "needs no approval"));
        }
        return idempotentPosts.run(caller.id(), idempotencyKey, disclosure, () -> {
            DisclosureApproval.View a = approvals.approve(disclosure, caller.id(), caller.name());
            return Response.created(URI.create("/disclosure-approvals/" + a.id())).entity(a).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    public DisclosureApproval.View get(@PathParam("id") UUID id) {
        return approvals.get(id);
    }
}
