package dev.steward.console.peer;

import java.util.List;

/** One page of a service's list: its items and the opaque cursor of the next page (null on the last). */
public record Page<T>(List<T> items, String next) {

    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
