package dev.steward.account.subject;

import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import dev.steward.platform.subject.SubjectRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/** "Who looked": every read of personal data by a person (not a service) is recorded. */
@ApplicationScoped
public class AccessRecords {

    private static final List<String> PERSON_ROLES = List.of(Roles.PRIVACY_OFFICER, Roles.CLIENT_ADMIN,
            Roles.CUSTOMER, Roles.LEGAL, Roles.AUDITOR);

    public void record(Connection c, SubjectRef subject, Caller caller, Collection<String> fields) throws SQLException {
        if (fields.isEmpty()) {
            return;
        }
        String role = PERSON_ROLES.stream().filter(caller::is).findFirst().orElse(null);
        if (role == null) {
            return; // a service reading for a request: the request's own audit trail covers it
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into access_record (org, kind, subject_id, actor, actor_role, fields) values (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, subject.org());
            ps.setString(2, subject.kind().name());
            ps.setString(3, subject.id());
            ps.setString(4, caller.id());
            ps.setString(5, role);
            ps.setString(6, String.join(",", fields));
            ps.executeUpdate();
        }
    }
}
