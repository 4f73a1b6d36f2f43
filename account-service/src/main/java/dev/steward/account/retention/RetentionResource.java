package dev.steward.account.retention;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import dev.steward.account.organisation.Organisation;
import dev.steward.platform.paging.Page;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Retention rules and purges (§7), for privacy officers. */
@Path("/retention")
@Tag(name = "Retention", description = "Retention rules, purges and purge receipts (§7)")
@RolesAllowed(Roles.PRIVACY_OFFICER)
public class RetentionResource {

    public record RuleInput(@NotBlank @Size(max = 120) @Pattern(regexp = "[a-z_.]+", message = "must be a taxonomy key") String categoryPrefix,
                            @NotNull @Pattern(regexp = "ACTIVE|CLOSED|TERMINATED_FOR_VIOLATION", message = "must be ACTIVE, CLOSED or TERMINATED_FOR_VIOLATION") String orgStatus,
                            @NotNull @Min(0) @Max(36500) Integer retainDays,
                            @NotBlank @Size(max = 300) String basis) {
    }

    private final RetentionRules rules;
    private final PurgeService purge;
    private final Caller caller;

    public RetentionResource(RetentionRules rules, PurgeService purge, Caller caller) {
        this.rules = rules;
        this.purge = purge;
        this.caller = caller;
    }

    /** A short, fixed list (one rule per category prefix and org status): returned whole. */
    @GET
    @Path("/rules")
    public List<RetentionRule> rules() {
        return rules.all();
    }

    @PUT
    @Path("/rules")
    public List<RetentionRule> put(@Valid @NotNull RuleInput rule) {
        return rules.put(rule.categoryPrefix(), Organisation.Status.valueOf(rule.orgStatus()), rule.retainDays(), rule.basis());
    }

    /** Runs a purge now (the same code and lock as the daily run); answers its receipt. */
    @APIResponseSchema(value = PurgeReceipt.class, responseCode = "201", responseDescription = "The purge that ran: what it deleted and what it kept")
    @POST
    @Path("/purges")
    public Response purgeNow() throws SQLException {
        return Response.status(201).type(MediaType.APPLICATION_JSON).entity(purge.purge("OFFICER " + caller.id())).build();
    }

    @GET
    @Path("/purges")
    public Page<PurgeReceipt> receipts(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                       @QueryParam("cursor") String cursor) {
        String after = Page.decode(cursor);
        long before;
        try {
            before = after == null ? Long.MAX_VALUE : Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("The cursor is not valid");
        }
        return Page.of(purge.receipts(before, limit + 1), limit, r -> Long.toString(r.id));
    }
}
