package dev.steward.request.intake;

/** The law whose deadline applies: GDPR Art. 12(3) one month, CCPA §1798.130 45 days. */
public enum Jurisdiction {
    GDPR(30), CCPA(45), DEFAULT(30);

    private final int responseDays;

    Jurisdiction(int responseDays) {
        this.responseDays = responseDays;
    }

    public int responseDays() {
        return responseDays;
    }
}
