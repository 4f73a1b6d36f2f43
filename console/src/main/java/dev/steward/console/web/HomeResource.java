package dev.steward.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The entry: sends each person to the first page their roles allow, or says the console is not for them. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notForYourRole();

        static native TemplateInstance signedOut();
    }

    @GET
    @Authenticated
    public Response home() {
        Viewer viewer = Globals.viewer();
        if (!viewer.hasWork() && viewer.is(Viewer.CUSTOMER)) {
            return Response.seeOther(URI.create("/privacy/me")).build();
        }
        if (!viewer.hasWork()) {
            return notForYourRole();
        }
        return Response.seeOther(URI.create(viewer.navigation().get(0).href())).build();
    }

    /** Where Keycloak sends the browser after RP-initiated logout. */
    @GET
    @Path("/signed-out")
    @PermitAll
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }

    static Response notForYourRole() {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.notForYourRole()).build();
    }
}
