package dev.steward.disclosure.ledger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes a string as JSON with every non-ASCII character escaped ({@code \u2014} for a signed
 * note's em dash): the same string to any JSON reader, and a body whose byte and character counts
 * agree, which simple HTTP clients that count one for the other (the platform's fuzz harness
 * de-chunks so) read correctly.
 */
public final class AsciiJsonString extends StdSerializer<String> {

    public AsciiJsonString() {
        super(String.class);
    }

    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        StringBuilder b = new StringBuilder(value.length() + 16).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        gen.writeRawValue(b.append('"').toString());
    }
}
