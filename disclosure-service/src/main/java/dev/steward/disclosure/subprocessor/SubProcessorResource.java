package dev.steward.disclosure.subprocessor;

import dev.steward.platform.paging.Page;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sub-processor registry: kept by legal, published to anyone (§9). */
@Path("/subprocessors")
@Tag(name = "Sub-processors")
public class SubProcessorResource {

    private final SubProcessorRepository registry;
    private final Caller caller;

    public SubProcessorResource(SubProcessorRepository registry, Caller caller) {
        this.registry = registry;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.LEGAL)
    public Response register(@Valid @NotNull NewSubProcessor sp) throws SQLException {
        UUID id = registry.insert(sp, caller.name()).orElseThrow(() -> ProblemException.conflict(
                "subprocessor-exists", "Sub-processor exists",
                "A sub-processor named '" + sp.name() + "' is already registered"));
        return Response.created(URI.create("/subprocessors/" + id))
                .entity(registry.find(id).orElseThrow()).build();
    }

    @GET
    @PermitAll
    @SecurityRequirement(name = "none")
    public Page<SubProcessor> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                   @QueryParam("cursor") String cursor) throws SQLException {
        return Page.of(registry.page(Page.decode(cursor), limit + 1), limit, SubProcessor::name);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public SubProcessor get(@PathParam("id") UUID id) throws SQLException {
        return registry.find(id).orElseThrow(() -> ProblemException.notFound("Sub-processor " + id));
    }
}
