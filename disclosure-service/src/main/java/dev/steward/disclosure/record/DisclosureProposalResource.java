package dev.steward.disclosure.record;

import dev.steward.disclosure.platform.Cursors;
import dev.steward.platform.idempotency.IdempotentPosts;
import dev.steward.platform.paging.Page;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Disclosures to law enforcement or a regulator waiting for a second legal user: proposed by the
 * recorder, approved (and so recorded) or declined by another legal user, or withdrawn by the proposer.
 */
@Path("/disclosure-proposals")
@Tag(name = "Disclosures")
@Transactional(rollbackOn = Exception.class)
public class DisclosureProposalResource {

    /** Why a proposal is declined or withdrawn. */
    public record Decline(@NotBlank @Size(max = 2000) String reason) {
    }

    private final DisclosureProposals proposals;
    private final Caller caller;
    private final IdempotentPosts idempotentPosts;

    public DisclosureProposalResource(DisclosureProposals proposals, Caller caller, IdempotentPosts idempotentPosts) {
        this.proposals = proposals;
        this.caller = caller;
        this.idempotentPosts = idempotentPosts;
    }

    @POST
    @RolesAllowed(Roles.LEGAL)
    @Operation(summary = "Propose a disclosure to law enforcement or a regulator; a second legal user approves it to record it")
    @APIResponseSchema(value = DisclosureProposal.View.class, responseCode = "201", responseDescription = "The proposal, awaiting approval")
    public Response propose(@HeaderParam(IdempotentPosts.HEADER) String idempotencyKey,
                            @Valid @NotNull NewDisclosure disclosure) throws SQLException {
        return idempotentPosts.run(caller.id(), idempotencyKey, disclosure, () -> {
            DisclosureProposal.View p = proposals.propose(disclosure, caller.id(), caller.name());
            return Response.created(URI.create("/disclosure-proposals/" + p.id())).entity(p).build();
        });
    }

    @GET
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Proposals, newest first; optionally only those in one status (AWAITING_APPROVAL: the legal team's to-do)")
    public Page<DisclosureProposal.View> list(@QueryParam("status") DisclosureProposal.Status status,
                                              @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                              @QueryParam("cursor") String cursor) {
        return Page.of(DisclosureProposal.page(status, Cursors.decode(cursor), limit + 1).stream()
                .map(proposals::view).toList(), limit, v -> Cursors.key(v.proposedAt(), v.id()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    public DisclosureProposal.View get(@PathParam("id") UUID id) {
        return proposals.get(id);
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed(Roles.LEGAL)
    @Operation(summary = "Approve as a second legal user: records the disclosure as proposed, durable in the ledger")
    @APIResponseSchema(value = DisclosureProposal.View.class, responseCode = "200", responseDescription = "The proposal, RECORDED, naming its disclosure")
    public DisclosureProposal.View approve(@PathParam("id") UUID id) {
        return proposals.approve(id, caller.id(), caller.name());
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed(Roles.LEGAL)
    @Operation(summary = "Decline (a second legal user) or withdraw (the proposer) a proposal, with a reason")
    public DisclosureProposal.View decline(@PathParam("id") UUID id, @Valid @NotNull Decline decline) {
        return proposals.decline(id, caller.id(), caller.name(), decline.reason());
    }
}
