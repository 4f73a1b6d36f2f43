package dev.steward.disclosure.platform;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Canonical JSON (RFC 8785, JSON Canonicalization Scheme) for the values the ledger hashes:
 * objects (members sorted by the UTF-16 code units of their names), arrays, strings, booleans,
 * null and integers. Floating-point numbers are refused rather than half-supported: nothing
 * the ledger hashes needs them, and RFC 8785 number formatting is where implementations differ.
 */
public final class Jcs {

    /** Integers beyond ±(2^53 − 1) are not exactly representable as IEEE 754 doubles (RFC 8785 §3.2.2.3). */
    private static final long MAX_SAFE = (1L << 53) - 1;

    private Jcs() {
    }

    public static byte[] bytes(Object value) {
        return encode(value).getBytes(StandardCharsets.UTF_8);
    }

    public static String encode(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof BigInteger) {
            long n = ((Number) value).longValue();
            if ((value instanceof BigInteger big && big.bitLength() > 63) || n > MAX_SAFE || n < -MAX_SAFE) {
                throw new IllegalArgumentException("integer out of the exactly representable range: " + value);
            }
            out.append(n);
        } else if (value instanceof Number) {
            throw new IllegalArgumentException("non-integer numbers are not canonicalised here: " + value);
        } else if (value instanceof Map<?, ?> map) {
            List<String> keys = new ArrayList<>(map.size());
            for (Object k : map.keySet()) {
                if (!(k instanceof String)) {
                    throw new IllegalArgumentException("object member names must be strings: " + k);
                }
                keys.add((String) k);
            }
            keys.sort(null); // String order is UTF-16 code unit order, as RFC 8785 §3.2.3 requires
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(out, keys.get(i));
                out.append(':');
                write(out, map.get(keys.get(i)));
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(out, item);
            }
            out.append(']');
        } else if (value instanceof Enum<?> e) {
            string(out, e.name());
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    /** ECMAScript JSON.stringify string serialisation (RFC 8785 §3.2.2.2). */
    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                            throw new IllegalArgumentException("lone surrogate in string");
                        }
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isLowSurrogate(c)) {
                        throw new IllegalArgumentException("lone surrogate in string");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
