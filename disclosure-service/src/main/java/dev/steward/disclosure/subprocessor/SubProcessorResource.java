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
import jakarta.ws.rs.PUT;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
// rollbackOn: replace() throws a checked JsonProcessingException after it has changed the managed entity;
// without it the change would commit without its history row.
@Transactional(rollbackOn = Exception.class)
public class SubProcessorResource {

    private final Caller caller;
    private final IdempotentPosts idempotentPosts;
    private final ObjectMapper json;
    private final Clock clock;

    public SubProcessorResource(Caller caller, IdempotentPosts idempotentPosts, ObjectMapper json, Clock clock) {
        this.caller = caller;
        this.idempotentPosts = idempotentPosts;
        this.json = json;
        this.clock = clock;
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

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.LEGAL)
    @Operation(summary = "Replace a sub-processor's entry (the same JSON as POST); the version it replaces is kept in its history")
    @APIResponseSchema(value = SubProcessor.class, responseCode = "200", responseDescription = "The sub-processor as it now stands")
    public SubProcessor replace(@PathParam("id") UUID id, @Valid @NotNull NewSubProcessor in) throws JsonProcessingException {
        SubProcessor sp = SubProcessor.<SubProcessor>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Sub-processor " + id));
        if (SubProcessor.count("name = ?1 and id <> ?2", in.name(), id) > 0) {
            throw ProblemException.conflict("subprocessor-exists", "Sub-processor exists",
                    "Another sub-processor named '" + in.name() + "' is already registered");
        }
        SubProcessorChange change = new SubProcessorChange();
        change.id = UUID.randomUUID();
        change.subprocessorId = id;
        change.changedBy = caller.name();
        change.changedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        change.before = json.writeValueAsString(sp);
        in.applyTo(sp);
        change.after = json.writeValueAsString(sp);
        try {
            sp.persistAndFlush(); // the unique name keeps the first of two concurrent renames to one name
        } catch (ConstraintViolationException e) {
            throw ProblemException.conflict("subprocessor-exists", "Sub-processor exists",
                    "Another sub-processor named '" + in.name() + "' is already registered");
        }
        change.persist();
        return sp;
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
