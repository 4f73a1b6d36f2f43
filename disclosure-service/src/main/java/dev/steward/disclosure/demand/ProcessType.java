package dev.steward.disclosure.demand;

import dev.steward.disclosure.record.LegalBasis;

/** The legal process a demand is made under; the scope rules ({@link ScopeRules}) say what each covers. */
public enum ProcessType {
    SUBPOENA(LegalBasis.SUBPOENA),
    COURT_ORDER(LegalBasis.COURT_ORDER),
    SEARCH_WARRANT(LegalBasis.SEARCH_WARRANT),
    EMERGENCY_REQUEST(LegalBasis.EMERGENCY),
    /** Keep, do not produce: the named subjects' data is put under a legal hold (90 days, extendable once). */
    PRESERVATION_REQUEST(null),
    REGULATOR_DEMAND(LegalBasis.LEGAL_OBLIGATION),
    OTHER(LegalBasis.LEGAL_OBLIGATION);

    private final LegalBasis basis;

    ProcessType(LegalBasis basis) {
        this.basis = basis;
    }

    /** The legal basis of the disclosure a production records; null: this process never produces. */
    public LegalBasis basis() {
        return basis;
    }
}
