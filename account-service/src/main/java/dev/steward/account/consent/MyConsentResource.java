package dev.steward.account.consent;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import dev.steward.account.account.AccountService;
import dev.steward.platform.paging.Page;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A customer's own consents and opt-outs (§3, §6). */
@Path("/me/consents")
@Tag(name = "Consents", description = "Consent and opt-out choices per purpose, with their history (§3, §6)")
@RolesAllowed(Roles.CUSTOMER)
public class MyConsentResource {

    private final ConsentService consents;
    private final Caller caller;

    public MyConsentResource(ConsentService consents, Caller caller) {
        this.consents = consents;
        this.caller = caller;
    }

    @GET
    public ConsentState state() {
        return consents.state(AccountService.ref(caller.id()));
    }

    @GET
    @Path("/history")
    public Page<ConsentEvent> history(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                              @QueryParam("cursor") String cursor) {
        return consents.history(AccountService.ref(caller.id()), cursor, limit);
    }

    @APIResponseSchema(value = ConsentEvent.class, responseCode = "201", responseDescription = "The choice, recorded in your consent history")
    @POST
    public Response choose(@Valid @NotNull ConsentChoice choice) {
        return Response.status(201).type(MediaType.APPLICATION_JSON)
                .entity(consents.record(AccountService.ref(caller.id()), choice, caller.id(), "CUSTOMER")).build();
    }
}
