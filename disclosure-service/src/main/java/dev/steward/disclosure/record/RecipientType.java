package dev.steward.disclosure.record;

public enum RecipientType {
    LAW_ENFORCEMENT, REGULATOR, CONSUMER_REPORTING_AGENCY, SERVICE_PROVIDER, OTHER;

    /** Entries for these need a second person's approval (four eyes). */
    public boolean needsFourEyes() {
        return this == LAW_ENFORCEMENT || this == REGULATOR;
    }
}
