package dev.steward.account.platform.guard;

import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses full payment-card numbers anywhere in a request (§4: the provider keeps only the
 * processor's token and the last four digits). A card number is 13–19 digits, optionally grouped
 * with spaces or dashes, that passes the Luhn check. The problem names the field, never the value.
 */
public final class CardNumbers {

    private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])");

    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            for (RecordComponent rc : components) {
                rc.getAccessor().setAccessible(true);
            }
            return components;
        }
    };

    private CardNumbers() {
    }

    public static boolean containsCardNumber(String text) {
        if (text == null || text.length() < 13) {
            return false;
        }
        int digitCount = 0;
        for (int i = 0; i < text.length() && digitCount < 13; i++) {
            char ch = text.charAt(i);
            if (ch >= '0' && ch <= '9') {
                digitCount++;
            }
        }
        if (digitCount < 13) {
            return false; // fewer than 13 digits in all: no card number can be in there
        }
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            String digits = m.group().replaceAll("[ -]", "");
            if (luhn(digits, 0, digits.length())) {
                return true;
            }
        }
        return false;
    }

    static boolean luhn(String digits, int start, int len) {
        int sum = 0;
        boolean dbl = false;
        for (int i = start + len - 1; i >= start; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    /** Throws a 422 naming every field (dotted path) of {@code body} that holds a card number. */
    public static void refuse(Object body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        scan(body, "", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("card-number-refused", "Card number refused",
                    "A full payment-card number was sent; store only the payment processor's token and the last four digits. Nothing was stored.",
                    errors.toArray(Problem.FieldError[]::new));
        }
    }

    private static void scan(Object value, String path, List<Problem.FieldError> errors) {
        if (value == null) {
            return;
        }
        if (value instanceof CharSequence s) {
            if (containsCardNumber(s.toString())) {
                errors.add(new Problem.FieldError(path.isEmpty() ? "body" : path, "looks like a payment-card number"));
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (containsCardNumber(key)) {
                    errors.add(new Problem.FieldError(path.isEmpty() ? "body" : path, "a key looks like a payment-card number"));
                }
                scan(e.getValue(), join(path, key), errors);
            }
        } else if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                scan(item, path + "[" + i++ + "]", errors);
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent rc : COMPONENTS.get(value.getClass())) {
                try {
                    scan(rc.getAccessor().invoke(value), join(path, rc.getName()), errors);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
