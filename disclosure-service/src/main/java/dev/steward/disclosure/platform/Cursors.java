package dev.steward.disclosure.platform;

import dev.steward.platform.paging.Page;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import java.time.Instant;
import java.util.UUID;

/** Keyset cursors made of a time and an id ({@code time|id}), for lists ordered newest first. */
public final class Cursors {

    public record Key(Instant at, UUID id) {
    }

    private Cursors() {
    }

    public static String key(Instant at, UUID id) {
        return at.toString() + "|" + id;
    }

    /** The decoded key, or null for the first page; anything else is a 400 naming the cursor. */
    public static Key decode(String cursor) {
        String raw = Page.decode(cursor);
        if (raw == null) {
            return null;
        }
        int bar = raw.indexOf('|');
        try {
            return new Key(Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("The cursor is not valid",
                    new Problem.FieldError("cursor", "is not a cursor this API issued"));
        }
    }
}
