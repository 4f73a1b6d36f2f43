package dev.steward.disclosure.record;

public enum Outcome {
    REJECTED, NO_DATA, CONTENT_DISCLOSED, NON_CONTENT_DISCLOSED;

    public boolean disclosed() {
        return this == CONTENT_DISCLOSED || this == NON_CONTENT_DISCLOSED;
    }
}
