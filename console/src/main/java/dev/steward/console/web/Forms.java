package dev.steward.console.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;

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

    /** The non-blank lines of a text area, trimmed. */
    public static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
    }

    /** Subjects typed one a line as org/KIND/id, added to a JSON array (a part left out is left for the service to name). */
    public static void putSubjects(ArrayNode list, String text) {
        for (String line : lines(text)) {
            String[] parts = line.split("/", 3);
            ObjectNode s = list.addObject();
            s.put("org", parts[0].trim());
            put(s, "kind", parts.length > 1 ? parts[1].trim() : null);
            put(s, "id", parts.length > 2 ? parts[2].trim() : null);
        }
    }

    /** A comma- or line-separated list (data categories), added to a JSON array. */
    public static void putList(ArrayNode list, String text) {
        lines(text == null ? null : text.replace(',', '\n')).forEach(list::add);
    }
}
