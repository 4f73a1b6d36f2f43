package dev.steward.console.requests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.console.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

/** The compliance report (§17) and the yearly request metrics, as pages. */
@Path("/reports")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Viewer.PRIVACY_OFFICER, Viewer.AUDITOR})
public class ReportsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance compliance(List<Line> lines);

        static native TemplateInstance metrics(Integer year, List<JsonLine> types);
    }

    /** One fact of a report: its dotted name and value (the report's sections grow; the page shows them all). */
    public record Line(String name, String value, int depth) {
    }

    /** One row of the metrics table. */
    public record JsonLine(String type, String received, String complied, String denied, String medianDays) {
    }

    private final RequestApi requests;

    public ReportsResource(@RestClient RequestApi requests) {
        this.requests = requests;
    }

    @GET
    @Path("compliance")
    public TemplateInstance compliance() {
        List<Line> lines = new ArrayList<>();
        flatten("", requests.compliance(), 0, lines);
        return Templates.compliance(lines);
    }

    @GET
    @Path("metrics")
    public TemplateInstance metrics(@RestQuery Integer year) {
        JsonNode m = requests.metrics(year);
        List<JsonLine> rows = new ArrayList<>();
        for (JsonNode t : m.path("types")) {
            rows.add(new JsonLine(t.path("type").asText(), t.path("received").asText(), t.path("complied").asText(),
                    t.path("denied").asText(), t.path("medianDays").isNull() ? "—" : t.path("medianDays").asText()));
        }
        return Templates.metrics(m.path("year").asInt(), rows);
    }

    static void flatten(String prefix, JsonNode node, int depth, List<Line> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                if (e.getValue().isContainerNode()) {
                    out.add(new Line(name, "", depth));
                    flatten(name, e.getValue(), depth + 1, out);
                } else {
                    out.add(new Line(name, e.getValue().isNull() ? "—" : e.getValue().asText(), depth));
                }
            }
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode item : node) {
                flatten(prefix + "[" + i++ + "]", item, depth, out);
            }
        } else {
            out.add(new Line(prefix, node.asText(), depth));
        }
    }
}
