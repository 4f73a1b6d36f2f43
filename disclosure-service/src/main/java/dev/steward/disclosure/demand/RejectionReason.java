package dev.steward.disclosure.demand;

/** Why a demand was rejected (the reason code a REJECTED transition must give). */
public enum RejectionReason { OVERBROAD, DEFECTIVE_PROCESS, WRONG_JURISDICTION, NO_LEGAL_BASIS, NOT_AUTHENTIC, OTHER }
