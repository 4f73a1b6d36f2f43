package dev.steward.account.account;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A customer's own account (§2, §8): linked to the token's subject; nobody else's is reachable here. */
@Path("/me")
@Tag(name = "Accounts", description = "Customers' own accounts (§2, §11) and the privacy officer's look-up and §8(c) terminations")
public class AccountResource {

    private final AccountService accounts;
    private final Caller caller;

    public AccountResource(AccountService accounts, Caller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @APIResponseSchema(value = AccountView.class, responseCode = "201", responseDescription = "Your account, created")
    @POST
    @RolesAllowed(Roles.CUSTOMER)
    public Response signUp(@Valid @NotNull NewAccount body) throws SQLException {
        AccountView view = accounts.signUp(caller.id(), body);
        return Response.created(URI.create("/me")).type(MediaType.APPLICATION_JSON).entity(view).build();
    }

    @GET
    @RolesAllowed(Roles.CUSTOMER)
    public AccountView me() throws SQLException {
        return accounts.read(caller.id(), caller).orElseThrow(() -> ProblemException.notFound("Account"));
    }

    @PATCH
    @RolesAllowed(Roles.CUSTOMER)
    public AccountView patch(@Valid @NotNull AccountPatch body) throws SQLException {
        return accounts.patch(caller.id(), body);
    }
}
