package dev.steward.account.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A published version of the privacy policy (§16); versions are never changed once published. */
@Entity
@Immutable
public class PolicyVersion extends PanacheEntityBase {

    @Id
    public String number;
    public LocalDate effectiveDate;
    public String summary;
    public String url;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String sha256;
    /** The officer's id (token subject). */
    public String publishedBy;
    /** The officer as their token names them (preferred_username) and the role they published in. */
    public String publishedByName;
    public String publishedByRole;
    public Instant publishedAt;
    /** The published text, when it was sent (served by GET /policy-versions/{n}/text, not in JSON lists). */
    @JsonIgnore
    public String text;

    /** Whether GET /policy-versions/{n}/text can give the text back (false when only a url and hash were published). */
    @JsonProperty("textAvailable")
    public boolean textAvailable() {
        return text != null;
    }
}
