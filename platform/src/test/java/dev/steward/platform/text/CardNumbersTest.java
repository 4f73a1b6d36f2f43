package dev.steward.platform.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CardNumbersTest {

    @Test
    void findsCardNumbersHoweverTheyAreWrittenInText() {
        assertTrue(CardNumbers.containsCardNumber("4111111111111111"));
        assertTrue(CardNumbers.containsCardNumber("my card is 4111 1111 1111 1111, thanks"));
        assertTrue(CardNumbers.containsCardNumber("amex 3782-822463-10005"));
        assertTrue(CardNumbers.containsCardNumber("card:5500 0000 0000 0004."));
    }

    @Test
    void leavesOrdinaryNumbersAlone() {
        assertFalse(CardNumbers.containsCardNumber("4111 1111 1111 1112")); // fails Luhn
        assertFalse(CardNumbers.containsCardNumber("+44 20 7946 0958"));
        assertFalse(CardNumbers.containsCardNumber("SUB-2026-0042"));
        assertFalse(CardNumbers.containsCardNumber("411111111111")); // 12 digits
    }

    @Test
    void identifiersAndDigestsAreNotCardNumbers() throws Exception {
        // Before, about 1 random UUID in 500 and 1 SHA-256 digest in 200 was refused as a card number.
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < 100_000; i++) {
            String uuid = UUID.randomUUID().toString();
            assertFalse(CardNumbers.containsCardNumber("gag-" + uuid), uuid);
            String hex = HexFormat.of().formatHex(sha.digest(uuid.getBytes()));
            assertFalse(CardNumbers.containsCardNumber(hex), hex);
        }
        assertFalse(CardNumbers.containsCardNumber("12345678-1234-1234-1234-123456789012"));
    }
}
