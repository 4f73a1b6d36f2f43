package dev.steward.account.consent;

/** The purposes a subject can allow or refuse (§3 third-party analytics such as Zendesk, §6). */
public enum Purpose { ANALYTICS_SHARING, MARKETING, THIRD_PARTY_SHARING, MATERIALLY_DIFFERENT_PURPOSE }
