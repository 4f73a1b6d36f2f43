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

/**
 * "Who looked": a read of a subject's personal data by anyone other than the subject — an officer, a
 * Client's admin, a service acting for a person — is recorded (who, in which role, which fields,
 * when). The subject reading their own data is not: it would grow the record with every
 * {@code GET /me} and tell them nothing. The export summarises repeats per reader.
 */
@ApplicationScoped
public class AccessRecords {

    private static final List<String> READER_ROLES = List.of(Roles.PRIVACY_OFFICER, Roles.CLIENT_ADMIN,
            Roles.LEGAL, Roles.AUDITOR, Roles.SERVICE, Roles.CUSTOMER);

    public void record(Connection c, SubjectRef subject, Caller caller, Collection<String> fields) throws SQLException {
        if (fields.isEmpty() || isTheSubject(subject, caller)) {
            return;
        }
        String role = READER_ROLES.stream().filter(caller::is).findFirst().orElse("unknown");
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

    /** A customer's account is named by their token's subject; nobody else reads as that subject. */
    static boolean isTheSubject(SubjectRef subject, Caller caller) {
        return subject.kind() == SubjectRef.Kind.ACCOUNT && SubjectRef.PROVIDER_ORG.equals(subject.org())
                && subject.id().equals(caller.id()) && caller.is(Roles.CUSTOMER);
    }
}
