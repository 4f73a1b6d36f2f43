package dev.steward.platform.openapi;

import dev.steward.platform.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * What every operation of every service answers beyond its own documented responses, written into
 * the OpenAPI document once instead of on each resource: any refusal (4XX) and an unavailable
 * database or peer (503) are problem+json with the {@code Problem} schema, and an operation that
 * needs no token says so ({@code security: []}) instead of saying nothing.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Schema problem = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details; errors name each refused field by its JSON path")
                .properties(Map.of(
                        "type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format("uri"),
                        "title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)),
                        "status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)),
                        "detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)),
                        "errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(
                                OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)).properties(Map.of(
                                        "field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)),
                                        "message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))))));
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problem);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                document(operation);
            }
        }
    }

    private static void document(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        var responses = operation.getResponses();
        if (responses.getAPIResponse("4XX") == null) {
            responses.addAPIResponse("4XX", problem("Refused (any other 4xx): the problem names what is wrong"));
        }
        if (responses.getAPIResponse("503") == null) {
            responses.addAPIResponse("503", problem("The database or a peer service is unavailable; nothing was changed (Retry-After)"));
        }
        for (var entry : responses.getAPIResponses().entrySet()) {
            var response = entry.getValue();
            boolean error = entry.getKey().startsWith("4") || entry.getKey().startsWith("5");
            if (error && response.getContent() == null && response.getRef() == null) {
                // 400/401/403 written by SmallRye without a body: ours are problem+json
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
            }
        }
        boolean markedPublic = operation.getSecurity() != null && operation.getSecurity().stream()
                .anyMatch(requirement -> requirement.hasScheme("none"));
        if (operation.getSecurity() == null || markedPublic) {
            // public: no token needed, said explicitly (the empty list), also where a resource marks
            // itself public with @SecurityRequirement(name = "none"), a scheme no document defines
            operation.setSecurity(List.of());
        }
    }

    private static org.eclipse.microprofile.openapi.models.responses.APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
    }
}
