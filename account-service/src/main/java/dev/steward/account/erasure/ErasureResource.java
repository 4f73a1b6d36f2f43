package dev.steward.account.erasure;

import dev.steward.account.subject.SubjectPath;
import dev.steward.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Erasure (§8) of one subject, driven by request-service (service role only). */
@Path("/internal/subjects/{org}/{kind}/{id}/erasure")
@Tag(name = "Internal")
@RolesAllowed(Roles.SERVICE)
public class ErasureResource {

    public record ErasureRequest(@NotBlank @Size(max = 128) String requestId) {
    }

    private final ErasureService erasure;

    public ErasureResource(ErasureService erasure) {
        this.erasure = erasure;
    }

    @POST
    public ErasureReceipt erase(@PathParam("org") String org, @PathParam("kind") String kind, @PathParam("id") String id,
                                @Valid @NotNull ErasureRequest body) throws SQLException {
        return erasure.erase(SubjectPath.parse(org, kind, id), body.requestId());
    }
}
