package dev.steward.account.erasure;

import dev.steward.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Erases all end-user data a Client stored (e.g. after its service ended), set-based (service role only). */
@Path("/internal/orgs/{id}/erasure")
@Tag(name = "Internal")
@RolesAllowed(Roles.SERVICE)
public class OrgErasureResource {

    private final OrgErasureService erasure;

    public OrgErasureResource(OrgErasureService erasure) {
        this.erasure = erasure;
    }

    @POST
    public ErasureReceipt erase(@PathParam("id") String id, @Valid @NotNull ErasureResource.ErasureRequest body)
            throws SQLException {
        return erasure.erase(id, body.requestId());
    }
}
