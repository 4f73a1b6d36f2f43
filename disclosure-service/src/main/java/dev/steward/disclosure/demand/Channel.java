package dev.steward.disclosure.demand;

/** How a demand reached the legal team. */
public enum Channel { EMAIL, POST, FAX, PORTAL, IN_PERSON, OTHER }
