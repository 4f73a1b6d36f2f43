package dev.steward.account.consent;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.EnumMap;
import java.util.Map;

/**
 * A visitor's choices, {@code {"choices":{"ANALYTICS_SHARING":true,…},"source":"PREFERENCE_PAGE"}}; a purpose
 * left out (or null) is unchanged.
 */
public record VisitorChoices(@NotNull @Valid Choices choices, @NotNull VisitorSource source) {

    /**
     * One optional boolean per {@link Purpose}, named as the purpose: a typed object rather than a map, so an
     * unknown purpose or a value of the wrong type is refused naming {@code choices.<purpose>}.
     */
    public record Choices(@JsonProperty("ANALYTICS_SHARING") Boolean analyticsSharing,
                          @JsonProperty("MARKETING") Boolean marketing,
                          @JsonProperty("THIRD_PARTY_SHARING") Boolean thirdPartySharing,
                          @JsonProperty("MATERIALLY_DIFFERENT_PURPOSE") Boolean materiallyDifferentPurpose,
                          @JsonProperty("ADVERTISING_COOKIES") Boolean advertisingCookies) {

        /** The purposes chosen, in the enum's order. */
        public Map<Purpose, Boolean> chosen() {
            Map<Purpose, Boolean> out = new EnumMap<>(Purpose.class);
            put(out, Purpose.ANALYTICS_SHARING, analyticsSharing);
            put(out, Purpose.MARKETING, marketing);
            put(out, Purpose.THIRD_PARTY_SHARING, thirdPartySharing);
            put(out, Purpose.MATERIALLY_DIFFERENT_PURPOSE, materiallyDifferentPurpose);
            put(out, Purpose.ADVERTISING_COOKIES, advertisingCookies);
            return out;
        }

        private static void put(Map<Purpose, Boolean> out, Purpose purpose, Boolean granted) {
            if (granted != null) {
                out.put(purpose, granted);
            }
        }
    }
}
