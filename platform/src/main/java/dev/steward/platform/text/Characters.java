package dev.steward.platform.text;

/**
 * Characters no Steward field may hold: NUL (PostgreSQL text cannot store it) and unpaired UTF-16
 * surrogates (they have no UTF-8 encoding). Refusing them at the edge turns what would be a
 * database error into a 400 naming the field.
 */
public final class Characters {

    private Characters() {
    }

    /** Why {@code text} cannot be accepted, or {@code null} when it can. */
    public static String problem(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\0') {
                return "contains a NUL character";
            }
            if (Character.isHighSurrogate(ch)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired UTF-16 surrogate";
            }
            if (Character.isLowSurrogate(ch)) {
                return "contains an unpaired UTF-16 surrogate";
            }
        }
        return null;
    }
}
