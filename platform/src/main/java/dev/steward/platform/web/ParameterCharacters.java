package dev.steward.platform.web;

import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.Problems;
import dev.steward.platform.text.Characters;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a path or query parameter holding a NUL or an unpaired surrogate (e.g. {@code %00}) with
 * a 400 naming the parameter, before any resource, database or peer sees it.
 */
public class ParameterCharacters {

    @ServerRequestFilter
    public Response refuseUnstorableCharacters(UriInfo uri) {
        Response refused = check(uri.getPathParameters(true), "path parameter");
        return refused != null ? refused : check(uri.getQueryParameters(true), "query parameter");
    }

    private static Response check(MultivaluedMap<String, String> parameters, String kind) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            String why = Characters.problem(name);
            for (int i = 0; why == null && i < parameter.getValue().size(); i++) {
                why = Characters.problem(parameter.getValue().get(i));
            }
            if (why != null) {
                String field = Characters.problem(name) == null ? name : "query";
                return Problems.response(Problem.of(400, "invalid-character", "Invalid character",
                        "The " + kind + " '" + field + "' " + why)
                        .withErrors(List.of(new Problem.FieldError(field, why))));
            }
        }
        return null;
    }
}
