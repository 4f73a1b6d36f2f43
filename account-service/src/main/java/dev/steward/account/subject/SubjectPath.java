package dev.steward.account.subject;

import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.subject.SubjectRef;

/** The subject named by an internal path {@code /internal/subjects/{org}/{kind}/{id}/...}; a bad one is a 400. */
public final class SubjectPath {

    private SubjectPath() {
    }

    public static SubjectRef parse(String org, String kind, String id) {
        SubjectRef.Kind k;
        try {
            k = SubjectRef.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("kind must be ACCOUNT, END_USER or VISITOR",
                    new Problem.FieldError("kind", "must be ACCOUNT, END_USER or VISITOR"));
        }
        if (org.length() > 64 || id.length() > 128) {
            throw ProblemException.badRequest("org or id too long");
        }
        return new SubjectRef(org, k, id);
    }
}
