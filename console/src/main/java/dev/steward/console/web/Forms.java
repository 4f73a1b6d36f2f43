package dev.steward.console.web;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What every form handler does with what a person typed: blank means "not given". */
public final class Forms {

    private Forms() {
    }

    public static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    public static String blankToNull(String value) {
        return present(value) ? value : null;
    }

    /** Puts a typed value into a JSON body, trimmed; leaves a blank one out (the service then names it if required). */
    public static void put(ObjectNode node, String name, String value) {
        if (present(value)) {
            node.put(name, value.trim());
        }
    }
}
