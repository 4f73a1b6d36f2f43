package dev.steward.account.account;

import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Roles;
import dev.steward.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.core.MediaType;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Privacy-officer actions on accounts. */
@Path("/accounts")
@Tag(name = "Accounts")
@RolesAllowed(Roles.PRIVACY_OFFICER)
public class AccountAdminResource {

    private final AccountService accounts;
    private final Caller caller;

    public AccountAdminResource(AccountService accounts, Caller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    /** Finds the account of an email through its keyed blind index (the plaintext is never compared). */
    @GET
    @Path("/lookup")
    public Map<String, String> lookup(@QueryParam("email") @NotBlank @Email String email) throws SQLException {
        return accounts.findSubByEmail(email).map(sub -> Map.of("sub", sub))
                .orElseThrow(() -> ProblemException.notFound("An account with this email"));
    }

    /** §8(c): the account was cancelled for a violation of the Service Agreement; who, when and why are recorded. */
    @POST
    @Path("/{sub}/termination")
    public Response terminate(@PathParam("sub") String sub, @Valid @NotNull Termination why) throws SQLException {
        return Response.ok(accounts.terminate(sub, why, caller)).type(MediaType.APPLICATION_JSON).build();
    }
}
