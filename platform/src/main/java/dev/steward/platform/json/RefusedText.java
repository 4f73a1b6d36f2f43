package dev.steward.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string Steward will not accept anywhere. Being a Jackson mapping exception, it collects
 * the field path on its way out, so the problem can name the field (never the value).
 */
public final class RefusedText extends MismatchedInputException {

    public enum Reason { CARD_NUMBER, CHARACTER }

    private final Reason reason;

    RefusedText(JsonParser parser, Reason reason, String why) {
        super(parser, why, String.class);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** What is wrong with the value, phrased to follow the field name. */
    public String why() {
        return getOriginalMessage();
    }
}
