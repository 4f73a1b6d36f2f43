package dev.steward.account.consent;

/**
 * The purposes a subject can allow or refuse: §3 third-party analytics such as Zendesk, marketing, §6
 * sharing with third parties and use for a materially different purpose, §5 cookies used for advertising.
 */
public enum Purpose { ANALYTICS_SHARING, MARKETING, THIRD_PARTY_SHARING, MATERIALLY_DIFFERENT_PURPOSE, ADVERTISING_COOKIES }
