package dev.steward.disclosure.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JcsTest {

    @Test
    void sortsMembersByUtf16CodeUnitsAsRfc8785Example() {
        // RFC 8785 §3.2.3: property names sorted by UTF-16 code units
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("\u20ac", "Euro Sign");
        m.put("\r", "Carriage Return");
        m.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
        m.put("1", "One");
        m.put("\ud83d\ude00", "Emoji: Grinning Face");
        m.put("\u0080", "Control");
        m.put("\u00f6", "Latin Small Letter O With Diaeresis");
        assertEquals("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}", Jcs.encode(m));
    }

    @Test
    void nestedValuesWithoutWhitespace() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("b", List.of(1, true, "x"));
        inner.put("a", null);
        assertEquals("{\"y\":[],\"z\":{\"a\":null,\"b\":[1,true,\"x\"]}}",
                Jcs.encode(Map.of("z", inner, "y", List.of())));
    }

    @Test
    void escapesLikeJsonStringify() {
        assertEquals("\"\\\"\\\\\\b\\f\\n\\r\\t\\u0000\\u001f/\u2028é\"", Jcs.encode("\"\\\b\f\n\r\t\u0000\u001f/\u2028é"));
    }

    @Test
    void refusesWhatItCannotCanonicalise() {
        assertThrows(IllegalArgumentException.class, () -> Jcs.encode(1.5));
        assertThrows(IllegalArgumentException.class, () -> Jcs.encode(1L << 54));
        assertThrows(IllegalArgumentException.class, () -> Jcs.encode("\ud83d"));
        assertThrows(IllegalArgumentException.class, () -> Jcs.encode(Map.of(1, "x")));
        assertEquals("[9007199254740991,-3]", Jcs.encode(Arrays.asList((1L << 53) - 1, -3)));
    }
}
