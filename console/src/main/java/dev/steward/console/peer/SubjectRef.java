package dev.steward.console.peer;

/** A data subject as the services name it: {org, kind: ACCOUNT|END_USER|VISITOR, id}. */
public record SubjectRef(String org, String kind, String id) {

    public static final java.util.List<String> KINDS = java.util.List.of("ACCOUNT", "END_USER", "VISITOR");

    @Override
    public String toString() {
        return org + "/" + kind + "/" + id;
    }
}
