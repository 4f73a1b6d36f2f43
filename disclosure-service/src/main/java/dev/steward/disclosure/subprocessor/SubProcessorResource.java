package dev.steward.disclosure.subprocessor;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import dev.steward.platform.paging.Page;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import dev.steward.platform.idempotency.IdempotentPosts;
import jakarta.ws.rs.HeaderParam;
import java.sql.SQLException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hibernate.exception.ConstraintViolationException;

/** The sub-processor registry: kept by legal, published to anyone (§9). */
@Path("/subprocessors")
@Tag(name = "Sub-processors", description = "The public registry of sub-processors: purpose, data categories, country and whether an agreement is in force (§5, §7, §9)")
@Transactional
public class SubProcessorResource {

    private final Caller caller;
    private final IdempotentPosts idempotentPosts;

    public SubProcessorResource(Caller caller, IdempotentPosts idempotentPosts) {
        this.caller = caller;
        this.idempotentPosts = idempotentPosts;
    }

    @POST
    @RolesAllowed(Roles.LEGAL)
    @APIResponseSchema(value = SubProcessor.class, responseCode = "201", responseDescription = "The sub-processor, registered")
    public Response register(@HeaderParam(IdempotentPosts.HEADER) String idempotencyKey,
                             @Valid @NotNull NewSubProcessor in) throws SQLException {
        return idempotentPosts.run(caller.id(), idempotencyKey, in, () -> register(in));
    }

    private Response register(NewSubProcessor in) {
        ProblemException exists = ProblemException.conflict("subprocessor-exists", "Sub-processor exists",
                "A sub-processor named '" + in.name() + "' is already registered");
        if (SubProcessor.count("name", in.name()) > 0) {
            throw exists;
        }
        SubProcessor sp = in.register(caller.name());
        try {
            sp.persistAndFlush(); // the unique name keeps the first of two concurrent registrations
        } catch (ConstraintViolationException e) {
            throw exists;
        }
        return Response.created(URI.create("/subprocessors/" + sp.id)).entity(sp).build();
    }

    @GET
    @PermitAll
    @SecurityRequirement(name = "none")
    public Page<SubProcessor> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                   @QueryParam("cursor") String cursor) {
        String after = Objects.requireNonNullElse(Page.decode(cursor), "");
        return Page.of(SubProcessor.<SubProcessor>find("name > ?1", Sort.by("name"), after).range(0, limit).list(),
                limit, sp -> sp.name);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public SubProcessor get(@PathParam("id") UUID id) {
        return SubProcessor.<SubProcessor>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Sub-processor " + id));
    }
}
