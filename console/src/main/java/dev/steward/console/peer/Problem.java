package dev.steward.console.peer;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A peer's RFC 9457 answer as the console reads it: enough to show the person what went wrong and
 * beside which field. Unknown members are ignored (the services may add some).
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public record FieldError(String field, String message) {
    }

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The field errors by field name (the first message of each), for showing them beside the inputs. */
    public Map<String, String> byField() {
        return errors.stream().filter(e -> e.field() != null)
                .collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a));
    }

    /** One line a person can act on: the detail, else the title. */
    public String message() {
        return detail != null && !detail.isBlank() ? detail : title != null ? title : "The service refused the request";
    }
}
