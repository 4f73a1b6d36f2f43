package dev.steward.platform.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list endpoint. {@code next} is an opaque cursor for the following page, null on
 * the last one. Every list endpoint pages (keyset, not offset) and caps {@code limit}.
 */
public record Page<T>(List<T> items, String next) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /**
     * Builds a page from {@code limit + 1} fetched rows: the extra row only tells that there is
     * more, and the cursor encodes the key of the last row returned.
     */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> key) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, encode(key.apply(items.get(limit - 1))));
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key inside a cursor, or null for the first page; a cursor that is not ours is a 400. */
    public static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (dev.steward.platform.text.Characters.problem(key) != null || key.indexOf('\uFFFD') >= 0) {
                throw new IllegalArgumentException("not text we wrote");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw dev.steward.platform.problem.ProblemException.badRequest("The cursor is not valid",
                    new dev.steward.platform.problem.Problem.FieldError("cursor", "is not a cursor this API issued"));
        }
    }
}
