package dev.steward.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CharactersTest {

    @Test
    void refusesNulAndUnpairedSurrogatesOnly() {
        assertNull(Characters.problem("plain text, accents é, emoji \uD83D\uDE00"));
        assertEquals("contains a NUL character", Characters.problem("a\0b"));
        assertEquals("contains an unpaired UTF-16 surrogate", Characters.problem("a\uD800b"));
        assertEquals("contains an unpaired UTF-16 surrogate", Characters.problem("a\uDC00"));
        assertEquals("contains an unpaired UTF-16 surrogate", Characters.problem("\uD83D"));
    }
}
