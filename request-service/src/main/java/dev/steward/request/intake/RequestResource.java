package dev.steward.request.intake;

import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Intake of data-subject requests; the due date is fixed on receipt. */
@Path("/requests")
@Tag(name = "Requests")
public class RequestResource {

    private final RequestRepository requests;
    private final Caller caller;
    private final Clock clock;

    public RequestResource(RequestRepository requests, Caller caller) {
        this.requests = requests;
        this.caller = caller;
        this.clock = Clock.systemUTC();
    }

    @POST
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Response submit(@Valid @NotNull NewRequest in) throws SQLException {
        Jurisdiction jurisdiction = in.jurisdiction() == null ? Jurisdiction.DEFAULT : in.jurisdiction();
        Instant received = clock.instant();
        var request = new DataSubjectRequest(UUID.randomUUID(), in.type(), in.subject(), "RECEIVED",
                jurisdiction, received, received.plus(Duration.ofDays(jurisdiction.responseDays())));
        requests.insert(request, caller.name());
        return Response.created(URI.create("/requests/" + request.id())).entity(request).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public DataSubjectRequest get(@PathParam("id") UUID id) throws SQLException {
        return requests.find(id).orElseThrow(() -> ProblemException.notFound("Request " + id));
    }
}
