package dev.steward.platform.web;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.UUID;

/**
 * JAX-RS answers a query parameter it cannot convert (limit=abc, limit=1.5, limit=10^12) with 404.
 * This finds which parameter of the matched method it was, so the answer can be the 400 naming it
 * that the caller needs. (A path segment that is not a valid id stays a 404: no such resource.)
 */
public final class ParameterTypes {

    /** A parameter whose value does not convert to its declared type. */
    public record Unconvertible(String name, Class<?> type) {
    }

    private ParameterTypes() {
    }

    public static Unconvertible find(Method method, UriInfo uri) {
        if (method == null) {
            return null;
        }
        for (Parameter parameter : method.getParameters()) {
            for (Annotation annotation : parameter.getAnnotations()) {
                if (!(annotation instanceof QueryParam query)) {
                    continue;
                }
                String name = query.value();
                List<String> values = uri.getQueryParameters(true).get(name);
                for (String value : values == null ? List.<String>of() : values) {
                    if (!converts(parameter.getType(), value)) {
                        return new Unconvertible(name, parameter.getType());
                    }
                }
            }
        }
        return null;
    }

    private static boolean converts(Class<?> type, String value) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else if (type == UUID.class) {
                UUID.fromString(value);
            } else if (type == boolean.class || type == Boolean.class) {
                return value.equals("true") || value.equals("false");
            } else if (type.isEnum()) {
                return java.util.Arrays.stream(type.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(value));
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
