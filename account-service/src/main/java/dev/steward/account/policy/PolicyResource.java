package dev.steward.account.policy;

import dev.steward.account.account.AccountService;
import dev.steward.platform.paging.Page;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Privacy-policy versions (§16): published by a privacy officer, readable by anyone, accepted by customers. */
@Path("/policy-versions")
@Tag(name = "Policy versions")
public class PolicyResource {

    public record Acceptance(String version, String sub, Instant acceptedAt) {
    }

    private final AgroalDataSource db;
    private final Caller caller;
    private final AccountService accounts;

    public PolicyResource(AgroalDataSource db, Caller caller, AccountService accounts) {
        this.db = db;
        this.caller = caller;
        this.accounts = accounts;
    }

    @POST
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Response publish(@Valid @NotNull NewPolicyVersion v) throws SQLException {
        String sha;
        if (v.text() != null) {
            sha = sha256(v.text());
            if (v.sha256() != null && !v.sha256().equals(sha)) {
                throw ProblemException.unprocessable("hash-mismatch", "Hash mismatch", "sha256 is not the hash of text",
                        new Problem.FieldError("sha256", "does not match the SHA-256 of text"));
            }
        } else if (v.url() != null && v.sha256() != null) {
            sha = v.sha256();
        } else {
            throw ProblemException.unprocessable("policy-document-required", "Policy document required",
                    "Send the text, or a url with the sha256 of the published document",
                    new Problem.FieldError("url", "send url and sha256, or text"));
        }
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into policy_version (number, effective_date, summary, url, "
                     + "sha256, published_by) values (?, ?, ?, ?, ?, ?) on conflict (number) do nothing")) {
            ps.setString(1, v.number());
            ps.setDate(2, Date.valueOf(v.effectiveDate()));
            ps.setString(3, v.summary());
            ps.setString(4, v.url());
            ps.setString(5, sha);
            ps.setString(6, caller.id());
            if (ps.executeUpdate() == 0) {
                throw ProblemException.conflict("version-exists", "Version exists",
                        "Policy version " + v.number() + " was already published; versions are immutable");
            }
        }
        return Response.created(URI.create("/policy-versions/" + v.number())).type(MediaType.APPLICATION_JSON)
                .entity(find(v.number())).build();
    }

    /** The version in force today: the latest effective date not in the future. */
    @GET
    @Path("/current")
    @PermitAll
    public PolicyVersion current() throws SQLException {
        List<PolicyVersion> v = query("where effective_date <= current_date order by effective_date desc, published_at desc limit 1");
        if (v.isEmpty()) {
            throw ProblemException.notFound("A policy version in force");
        }
        return v.get(0);
    }

    @GET
    @PermitAll
    public Page<PolicyVersion> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                    @QueryParam("cursor") String cursor) throws SQLException {
        String after = Page.decode(cursor);
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLS + " from policy_version where number > ? "
                     + "order by number limit ?")) {
            ps.setString(1, after == null ? "" : after);
            ps.setInt(2, limit + 1);
            return Page.of(read(ps), limit, PolicyVersion::number);
        }
    }

    @GET
    @Path("/{number}")
    @PermitAll
    public PolicyVersion get(@PathParam("number") String number) throws SQLException {
        return find(number);
    }

    /** A customer accepts a version (idempotent). */
    @POST
    @Path("/{number}/acceptances")
    @RolesAllowed(Roles.CUSTOMER)
    public Response accept(@PathParam("number") String number) throws SQLException {
        find(number);
        if (accounts.read(caller.id(), null).isEmpty()) {
            throw ProblemException.unprocessable("no-account", "No account", "Sign up (POST /me) before accepting a policy version");
        }
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into policy_acceptance (version, sub) values (?, ?) "
                     + "on conflict do nothing")) {
            ps.setString(1, number);
            ps.setString(2, caller.id());
            ps.executeUpdate();
        }
        return Response.status(201).type(MediaType.APPLICATION_JSON).entity(acceptance(number, caller.id())).build();
    }

    /** Who accepted this version (privacy officer). */
    @GET
    @Path("/{number}/acceptances")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Page<Acceptance> acceptances(@PathParam("number") String number,
                                        @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                        @QueryParam("cursor") String cursor) throws SQLException {
        find(number);
        String after = Page.decode(cursor);
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select version, sub, accepted_at from policy_acceptance "
                     + "where version = ? and sub > ? order by sub limit ?")) {
            ps.setString(1, number);
            ps.setString(2, after == null ? "" : after);
            ps.setInt(3, limit + 1);
            List<Acceptance> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Acceptance(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
                }
            }
            return Page.of(out, limit, Acceptance::sub);
        }
    }

    private Acceptance acceptance(String number, String sub) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select accepted_at from policy_acceptance where version = ? and sub = ?")) {
            ps.setString(1, number);
            ps.setString(2, sub);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Acceptance(number, sub, rs.getTimestamp(1).toInstant());
            }
        }
    }

    private static final String COLS = "number, effective_date, summary, url, sha256, published_by, published_at";

    private PolicyVersion find(String number) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLS + " from policy_version where number = ?")) {
            ps.setString(1, number);
            List<PolicyVersion> v = read(ps);
            if (v.isEmpty()) {
                throw ProblemException.notFound("Policy version " + number);
            }
            return v.get(0);
        }
    }

    private List<PolicyVersion> query(String tail) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLS + " from policy_version " + tail)) {
            return read(ps);
        }
    }

    private static List<PolicyVersion> read(PreparedStatement ps) throws SQLException {
        List<PolicyVersion> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new PolicyVersion(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()));
            }
        }
        return out;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
