package dev.steward.console.privacy;

import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Set;

/** The purposes a visitor can allow or refuse (account-service's Purpose, contract C3), as the pages explain them. */
public final class Purposes {

    public static final String THIRD_PARTY_SHARING = "THIRD_PARTY_SHARING";
    public static final String ADVERTISING_COOKIES = "ADVERTISING_COOKIES";
    /** What Global Privacy Control turns off: sale/sharing with third parties and advertising cookies. */
    public static final Set<String> OFF_UNDER_GPC = Set.of(THIRD_PARTY_SHARING, ADVERTISING_COOKIES);

    @TemplateData
    public record Purpose(String name, String label, String section, String explanation) {

        public boolean offUnderGpc() {
            return OFF_UNDER_GPC.contains(name);
        }
    }

    public static final List<Purpose> ALL = List.of(
            new Purpose("ANALYTICS_SHARING", "Sharing with analytics and support services", "§3",
                    "Some of your details (such as your name and e-mail) go to a third-party service like Zendesk, "
                            + "which we use to understand how our services are used and to talk with you."),
            new Purpose(ADVERTISING_COOKIES, "Cookies used for advertising", "§5",
                    "Cookies that advertisers or we use to show you advertising."),
            new Purpose(THIRD_PARTY_SHARING, "Sharing your data with third parties", "§6",
                    "Sharing (or selling) your personal data with other companies."),
            new Purpose("MATERIALLY_DIFFERENT_PURPOSE", "Use for a different purpose", "§6",
                    "Using your data for a purpose materially different from the one it was collected for."),
            new Purpose("MARKETING", "Marketing messages", "§4",
                    "News and offers about our services."));

    private Purposes() {
    }
}
