package dev.steward.account.consent;

/**
 * Where a visitor's choice was made: the Privacy Center's preference page, a website's consent banner,
 * or the browser's Global Privacy Control signal (also recorded by the service itself whenever a
 * request carries {@code Sec-GPC: 1}).
 */
public enum VisitorSource { PREFERENCE_PAGE, BANNER, GPC }
