package dev.steward.console.requests;

import dev.steward.console.peer.Page;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** The privacy officer's request queue: filters, deadline badges, cursor paging, bulk approve / deny. */
@Path("/requests")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Viewer.PRIVACY_OFFICER)
public class QueueResource {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(QueueFilter filter, List<QueueRow> rows, String next, String cursor,
                                             Map<String, String> errors);

        static native TemplateInstance bulkDone(String action, List<BulkResult> results);
    }

    /** What became of one request of a bulk action. */
    public record BulkResult(UUID id, boolean done, String message) {
    }

    private final RequestApi requests;

    public QueueResource(@RestClient RequestApi requests) {
        this.requests = requests;
    }

    @GET
    public Response queue(@RestQuery String status, @RestQuery String view, @RestQuery String type,
                          @RestQuery String jurisdiction, @RestQuery String receivedFrom, @RestQuery String receivedTo,
                          @RestQuery String subjectId, @RestQuery String org, @RestQuery String sort, @RestQuery String id,
                          @RestQuery String cursor) {
        Map<String, String> errors = new java.util.HashMap<>();
        if (id != null && !id.isBlank()) {
            try {
                return Response.seeOther(URI.create("/requests/" + UUID.fromString(id.trim()))).build();
            } catch (IllegalArgumentException e) {
                errors.put("id", "is not a request id (a UUID such as 0b6c…-…)");
            }
        }
        QueueFilter filter = new QueueFilter(QueueFilter.emptyToNull(status), QueueFilter.emptyToNull(view),
                QueueFilter.emptyToNull(type), QueueFilter.emptyToNull(jurisdiction), date(receivedFrom, "receivedFrom", errors),
                date(receivedTo, "receivedTo", errors), QueueFilter.emptyToNull(subjectId), QueueFilter.emptyToNull(org),
                QueueFilter.emptyToNull(sort));
        List<QueueRow> rows = List.of();
        String next = null;
        if (!errors.isEmpty()) {
            // a date the form cannot read is named beside its field; nothing is asked of the service
            return Response.status(400).entity(Templates.queue(filter, rows, null, cursor, errors)).build();
        }
        try {
            Page<RequestView> page = requests.list(filter.status(), filter.view(), filter.type(), filter.jurisdiction(),
                    filter.receivedFrom(), filter.receivedTo(), filter.subjectId(), filter.org(), filter.sort(),
                    PAGE_SIZE, QueueFilter.emptyToNull(cursor));
            var now = java.time.Instant.now();
            rows = page.items().stream().map(r -> QueueRow.of(r, now)).toList();
            next = page.next();
        } catch (PeerRefused e) {
            errors.putAll(e.problem().byField());
            errors.putIfAbsent("form", e.problem().message());
        }
        return Response.status(errors.isEmpty() ? 200 : 400).entity(Templates.queue(filter, rows, next, cursor, errors)).build();
    }

    /** Bulk approve or deny: posted to the queue itself. */
    @POST
    public TemplateInstance bulk(@RestForm List<String> ids, @RestForm String action, @RestForm String reasonCode,
                                 @RestForm String note) {
        List<BulkResult> results = new ArrayList<>();
        boolean deny = "deny".equals(action);
        if (!deny && !"approve".equals(action)) {
            return Templates.bulkDone("nothing", List.of(new BulkResult(null, false, "Choose approve or deny")));
        }
        if (deny && (reasonCode == null || reasonCode.isBlank())) {
            return Templates.bulkDone("deny", List.of(new BulkResult(null, false,
                    "Denying needs a reason code: nothing was changed")));
        }
        for (String raw : ids == null ? List.<String>of() : ids) {
            UUID id;
            try {
                id = UUID.fromString(raw);
            } catch (IllegalArgumentException e) {
                results.add(new BulkResult(null, false, "not a request id"));
                continue;
            }
            String text = note == null || note.isBlank() ? null : note;
            try {
                if (deny) {
                    requests.deny(id, new RequestApi.Bodies.Deny(reasonCode, text));
                } else {
                    requests.act(id, "approve", new RequestApi.Bodies.Note(text));
                }
                results.add(new BulkResult(id, true, deny ? "denied" : "approved"));
            } catch (PeerRefused e) {
                Problem p = e.problem();
                results.add(new BulkResult(id, false, p.message()));
            }
        }
        if (results.isEmpty()) {
            results.add(new BulkResult(null, false, "No request was selected: nothing was changed"));
        }
        return Templates.bulkDone(deny ? "deny" : "approve", results);
    }

    private static LocalDate date(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a date such as 2026-01-31");
            return null;
        }
    }
}
