package dev.steward.console.requests;

import dev.steward.console.web.Forms;
import dev.steward.console.peer.PeerRefused;
import dev.steward.console.peer.Problem;
import dev.steward.console.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * One request: subject, deadline, timeline, outcome, complaint notes, and the actions valid in its
 * status. An action that the service refuses shows the service's message on the same page.
 */
@Path("/requests/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Viewer.PRIVACY_OFFICER)
public class RequestPageResource {

    private static final Set<String> NOTE_ACTIONS = Set.of("approve", "cancel", "retry");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance detail(RequestView request, List<TimelineItem> timeline,
                                              Lifecycle.Actions actions, String outcome, Problem problem,
                                              Map<String, String> errors);
    }

    private final RequestApi requests;

    public RequestPageResource(@RestClient RequestApi requests) {
        this.requests = requests;
    }

    @GET
    public TemplateInstance detail(@RestPath UUID id) {
        return page(requests.get(id), null);
    }

    @POST
    @Path("/{action}")
    public Response act(@RestPath UUID id, @RestPath String action, @RestForm String note, @RestForm String reasonCode,
                        @RestForm String reason, @RestForm String days, @RestForm String text) {
        try {
            switch (action) {
                case "approve", "cancel", "retry" -> requests.act(id, action, new RequestApi.Bodies.Note(Forms.blankToNull(note)));
                case "deny" -> requests.deny(id, new RequestApi.Bodies.Deny(Forms.blankToNull(reasonCode), Forms.blankToNull(note)));
                case "extend" -> requests.extend(id, new RequestApi.Bodies.Extend(Forms.blankToNull(reason), days(days)));
                case "notes" -> requests.note(id, new RequestApi.Bodies.ComplaintNote(Forms.blankToNull(text)));
                case "resolve" -> requests.resolve(id, new RequestApi.Bodies.Resolve(Forms.blankToNull(text)));
                default -> {
                    return Response.status(404).entity(page(requests.get(id), new Problem(null, "No such action", 404,
                            "There is no action '" + action + "'", null))).build();
                }
            }
        } catch (PeerRefused e) {
            // the service said no: show the page as it stands now, with the service's message
            return Response.status(e.problem().status()).entity(page(requests.get(id), e.problem())).build();
        } catch (NumberFormatException e) {
            Problem p = new Problem(null, "Days must be a whole number", 400, "Nothing was changed",
                    List.of(new Problem.FieldError("days", "must be a whole number of days")));
            return Response.status(400).entity(page(requests.get(id), p)).build();
        }
        return Response.seeOther(URI.create("/requests/" + id)).build();
    }

    /** The ACCESS report, as the service renders it: JSON (a download) or HTML. */
    @GET
    @Path("/report.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reportJson(@RestPath UUID id) {
        String body = requests.report(id, null).readEntity(String.class);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"access-report-" + id + ".json\"").build();
    }

    @GET
    @Path("/report.html")
    public Response reportHtml(@RestPath UUID id) {
        return dev.steward.console.web.ReportPages.html(requests.report(id, "html").readEntity(String.class));
    }

    private TemplateInstance page(RequestView r, Problem problem) {
        String outcome = r.outcome() == null ? null : r.outcome().toPrettyString();
        return Templates.detail(r, TimelineItem.of(r), Lifecycle.of(r), outcome, problem,
                problem == null ? Map.of() : problem.byField());
    }

    private static Integer days(String days) {
        return days == null || days.isBlank() ? null : Integer.valueOf(days.trim());
    }

}
