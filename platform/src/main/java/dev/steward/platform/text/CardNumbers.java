package dev.steward.platform.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises full payment-card numbers (§2 and §4 of the policy: the provider keeps only the
 * processor's token and the last four digits). A card number is 13–19 digits, optionally grouped
 * with spaces or dashes, standing alone (not inside a word, a hex digest or a UUID), that passes
 * the Luhn check.
 */
public final class CardNumbers {

    private static final Pattern CANDIDATE =
            Pattern.compile("(?<![0-9A-Za-z])[0-9](?:[ -]?[0-9]){12,18}(?![0-9A-Za-z])");
    // Identifiers are not card numbers, even when a UUID happens to hold long runs of decimal digits.
    private static final Pattern UUID =
            Pattern.compile("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");

    private CardNumbers() {
    }

    public static boolean containsCardNumber(String text) {
        if (text == null || text.length() < 13 || countDigits(text, 13) < 13) {
            return false; // fewer than 13 digits in all: no card number can be in there (the common case, kept cheap)
        }
        Matcher m = CANDIDATE.matcher(UUID.matcher(text).replaceAll(" "));
        while (m.find()) {
            if (luhn(m.group().replaceAll("[ -]", ""))) {
                return true;
            }
        }
        return false;
    }

    private static int countDigits(String text, int enough) {
        int count = 0;
        for (int i = 0; i < text.length() && count < enough; i++) {
            char ch = text.charAt(i);
            if (ch >= '0' && ch <= '9') {
                count++;
            }
        }
        return count;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }
}
