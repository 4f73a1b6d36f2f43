package dev.steward.account.account;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How an email address is kept: trimmed and NFKC-normalised, its domain case-folded (domains are
 * case-insensitive; the local part may not be, so it is kept as sent). The blind index folds the
 * whole address on top of this, so look-ups ignore case entirely.
 */
public final class Emails {

    private Emails() {
    }

    public static String normalise(String email) {
        if (email == null) {
            return null;
        }
        String s = Normalizer.normalize(email.strip(), Normalizer.Form.NFKC);
        int at = s.lastIndexOf('@');
        return at < 0 ? s : s.substring(0, at + 1) + s.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
