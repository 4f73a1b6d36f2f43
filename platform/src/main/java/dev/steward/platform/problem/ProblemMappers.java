package dev.steward.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.steward.platform.json.RefusedText;
import dev.steward.platform.web.ParameterTypes;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem. Bad input names the offending field; a fault of
 * the service answers 500 with an incident id only — the stack trace goes to the log, never to the
 * caller.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problems.response(e.problem());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return challenge("Authentication required",
                "Send a valid bearer token in the Authorization header");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return challenge("Invalid token",
                "The bearer token is invalid, expired or was not issued for this service");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problems.response(Problem.of(403, "forbidden", "Forbidden",
                "Your role does not allow this operation"));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, SimpleResourceInfo resource) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json); // a body reader wrapped it (e.g. a truncated document)
        }
        if (e.getResponse().getStatus() == 404 && e.getCause() != null && resource != null) {
            var bad = ParameterTypes.find(method(resource), uri);
            if (bad != null) {
                String message = "has the wrong type; expected " + expectedType(bad.type());
                return Problems.response(Problem.of(400, "wrong-type", "Wrong type",
                        "Parameter '" + bad.name() + "' " + message).withErrors(
                        List.of(new Problem.FieldError(bad.name(), message))));
            }
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Response.StatusType info = Response.Status.fromStatusCode(status);
        String title = info != null ? info.getReasonPhrase() : "Error";
        String detail = switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "Cannot produce the requested media type";
            case 413 -> "The request body is too large";
            case 415 -> "Unsupported content type; send application/json";
            default -> title;
        };
        return Problems.response(Problem.of(status, slug(title), title, detail));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, SimpleResourceInfo resource) {
        java.lang.reflect.Method method = resource == null ? null : method(resource);
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v, method), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String fields = errors.stream().map(Problem.FieldError::field).distinct()
                .collect(Collectors.joining(", "));
        return Problems.response(Problem.of(400, "invalid-request", "Invalid request",
                "Invalid or missing fields: " + fields).withErrors(errors));
    }

    // Quarkus ships mappers for the specific Jackson exceptions; these replace them so that every
    // JSON failure answers the same problem shape.
    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof JsonParseException parse) {
            var loc = parse.getLocation();
            return Problems.response(Problem.of(400, "malformed-json", "Malformed JSON",
                    "The body is not valid JSON (line " + loc.getLineNr() + ", column "
                            + loc.getColumnNr() + ")"));
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return Problems.response(Problem.of(400, "unknown-field", "Unknown field",
                    "Unknown field '" + field + "'").withErrors(
                    List.of(new Problem.FieldError(field, "is not a known field"))));
        }
        if (e instanceof RefusedText refused) {
            String field = path(refused);
            field = field.isEmpty() ? "body" : field;
            List<Problem.FieldError> errors = List.of(new Problem.FieldError(field, refused.why()));
            if (refused.reason() == RefusedText.Reason.CARD_NUMBER) {
                return Problems.response(Problem.of(422, "card-number-refused", "Card number refused",
                        "A full payment-card number was sent in '" + field + "'; store only the payment "
                                + "processor's token and the last four digits. Nothing was stored.").withErrors(errors));
            }
            return Problems.response(Problem.of(400, "invalid-character", "Invalid character",
                    "Field '" + field + "' " + refused.why()).withErrors(errors));
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            String expected = expectedType(mismatch.getTargetType());
            String message = (e instanceof InvalidFormatException ? "has an invalid value" : "has the wrong type")
                    + "; expected " + expected;
            if (field.isEmpty()) {
                return Problems.response(Problem.of(400, "invalid-body", "Invalid body",
                        "The body does not have the expected shape; expected " + expected));
            }
            return Problems.response(Problem.of(400, "wrong-type", "Wrong type",
                    "Field '" + field + "' " + message).withErrors(
                    List.of(new Problem.FieldError(field, message))));
        }
        return Problems.response(Problem.of(400, "invalid-body", "Invalid body",
                "The body could not be read as the expected JSON document"));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (DatabaseOutage.hasSqlState(e, "23505")) {
            // Two identical writes raced past the existence check; the unique key stopped the second.
            return Problems.response(Problem.of(409, "conflict", "Conflict",
                    "Another request created the same record at the same moment; read it and try again"));
        }
        if (DatabaseOutage.causedBy(e)) {
            // Logged without the driver's message: it can quote the values that were bound.
            LOG.warnf("Database unavailable (%s); answering 503", DatabaseOutage.sqlState(e));
            return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "2")
                    .entity(Problem.of(503, "database-unavailable", "Service unavailable",
                            "The database is briefly unavailable; nothing was changed. Try again in a few seconds."))
                    .build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return Problems.response(Problem.of(500, "internal-error", "Internal error",
                "An unexpected error occurred; quote incident " + incident + " to support"));
    }

    /** The JSON type a field wants, in the words of the API rather than of Java. */
    static String expectedType(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class || type == java.math.BigInteger.class) {
            return "an integer";
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class
                || type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a boolean (true or false)";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)
                || java.time.temporal.TemporalAmount.class.isAssignableFrom(type)) {
            return "an ISO-8601 string (" + type.getSimpleName() + ")";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static java.lang.reflect.Method method(SimpleResourceInfo resource) {
        if (resource.getResourceClass() == null) {
            return null;
        }
        for (java.lang.reflect.Method m : resource.getResourceClass().getMethods()) {
            if (m.getName().equals(resource.getMethodName())
                    && java.util.Arrays.equals(m.getParameterTypes(), resource.parameterTypes())) {
                return m;
            }
        }
        return null;
    }

    private static Response challenge(String title, String detail) {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(401, "unauthorized", title, detail)).build();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /**
     * The field path as the client sent it: a query, path or header parameter by its HTTP name, the
     * body as "body", a field inside it by its JSON path — never a Java method or parameter name.
     */
    static String fieldName(ConstraintViolation<?> violation, java.lang.reflect.Method method) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                if (node.getKind() == ElementKind.PARAMETER) {
                    names.clear();
                    names.add(httpName(method, node.as(Path.ParameterNode.class).getParameterIndex()));
                }
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && !names.isEmpty()) {
                int last = names.size() - 1;
                names.set(last, names.get(last) + "[" + node.getIndex() + "]");
            }
            if (name != null && !name.startsWith("<")) {
                names.add(name);
            }
        }
        // Fields inside the body are reported by their own path, without the parameter's name.
        if (names.size() > 1) {
            names.remove(0);
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    /** The name a caller knows a parameter by: its @QueryParam/@PathParam/@HeaderParam value, else "body". */
    private static String httpName(java.lang.reflect.Method method, int index) {
        if (method == null || index >= method.getParameterCount()) {
            return "body";
        }
        for (java.lang.annotation.Annotation a : method.getParameters()[index].getAnnotations()) {
            if (a instanceof jakarta.ws.rs.QueryParam q) {
                return q.value();
            }
            if (a instanceof jakarta.ws.rs.PathParam p) {
                return p.value();
            }
            if (a instanceof jakarta.ws.rs.HeaderParam h) {
                return h.value();
            }
            if (a instanceof jakarta.ws.rs.CookieParam c) {
                return c.value();
            }
            if (a instanceof jakarta.ws.rs.FormParam f) {
                return f.value();
            }
        }
        return "body";
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
