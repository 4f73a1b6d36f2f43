package dev.steward.account.policy;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import dev.steward.account.account.AccountService;
import dev.steward.platform.idempotency.IdempotentPosts;
import dev.steward.platform.paging.Page;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Privacy-policy versions (§16): published by a privacy officer, readable by anyone, accepted by customers. */
@Path("/policy-versions")
@Tag(name = "Policy versions", description = "Published privacy-policy versions, their text and who accepted them (§16)")
@Transactional(rollbackOn = Exception.class)
public class PolicyResource {

    private final Caller caller;
    private final AccountService accounts;
    private final Clock clock;
    private final IdempotentPosts idempotentPosts;

    public PolicyResource(Caller caller, AccountService accounts, Clock clock, IdempotentPosts idempotentPosts) {
        this.caller = caller;
        this.accounts = accounts;
        this.clock = clock;
        this.idempotentPosts = idempotentPosts;
    }

    /** Publishes a version; an Idempotency-Key (scoped to the officer) makes a retry answer the first response. */
    @POST
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @APIResponseSchema(value = PolicyVersion.class, responseCode = "201", responseDescription = "The version, published")
    public Response publish(@HeaderParam(IdempotentPosts.HEADER) String idempotencyKey, @Valid @NotNull NewPolicyVersion v)
            throws SQLException {
        return idempotentPosts.run(caller.id(), idempotencyKey, v, () -> create(v));
    }

    private Response create(NewPolicyVersion v) {
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
        if (PolicyVersion.findById(v.number()) != null) {
            throw ProblemException.conflict("version-exists", "Version exists",
                    "Policy version " + v.number() + " was already published; versions are immutable");
        }
        PolicyVersion p = new PolicyVersion();
        p.number = v.number();
        p.effectiveDate = v.effectiveDate();
        p.summary = v.summary();
        p.url = v.url();
        p.sha256 = sha;
        p.publishedBy = caller.id();
        p.publishedByName = caller.name();
        p.publishedByRole = Roles.PRIVACY_OFFICER;
        p.text = v.text();
        p.publishedAt = clock.instant();
        p.persist();
        return Response.created(URI.create("/policy-versions/" + v.number())).type(MediaType.APPLICATION_JSON).entity(p).build();
    }

    /** The version in force today: the latest effective date not in the future. */
    @GET
    @Path("/current")
    @PermitAll
    public PolicyVersion current() {
        return PolicyVersion.<PolicyVersion>find("effectiveDate <= ?1", Sort.descending("effectiveDate", "publishedAt"),
                        LocalDate.now(clock)).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("A policy version in force"));
    }

    @GET
    @PermitAll
    public Page<PolicyVersion> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                    @QueryParam("cursor") String cursor) {
        String after = Page.decode(cursor);
        return Page.of(PolicyVersion.<PolicyVersion>find("number > ?1", Sort.by("number"), after == null ? "" : after)
                .range(0, limit).list(), limit, p -> p.number);
    }

    @GET
    @Path("/{number}")
    @PermitAll
    public PolicyVersion get(@PathParam("number") String number) {
        return PolicyVersion.<PolicyVersion>findByIdOptional(number)
                .orElseThrow(() -> ProblemException.notFound("Policy version " + number));
    }

    /** The text of a version, exactly as published (its SHA-256 is the version's sha256). */
    @GET
    @Path("/{number}/text")
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    @APIResponse(responseCode = "200", description = "The text as published",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "404", description = "No such version, or it was published as a url and hash only",
            content = @Content(mediaType = "application/problem+json"))
    public String text(@PathParam("number") String number) {
        PolicyVersion v = get(number);
        if (v.text == null) {
            throw ProblemException.notFound("The text of policy version " + number + " (published as " + v.url + ")");
        }
        return v.text;
    }

    /**
     * A customer accepts a version: the first acceptance is recorded (201); accepting it again records
     * nothing and answers the first acceptance (200). Concurrent first acceptances insert one row.
     */
    @POST
    @Path("/{number}/acceptances")
    @RolesAllowed(Roles.CUSTOMER)
    @APIResponse(responseCode = "201", description = "Your acceptance, recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyAcceptance.class)))
    @APIResponse(responseCode = "200", description = "You had accepted this version already: that acceptance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyAcceptance.class)))
    public Response accept(@PathParam("number") String number) throws SQLException {
        get(number);
        if (accounts.read(caller.id(), null).isEmpty()) {
            throw ProblemException.unprocessable("no-account", "No account", "Sign up (POST /me) before accepting a policy version");
        }
        // insert-if-absent in one statement, so two concurrent first acceptances cannot both insert
        int inserted = PolicyAcceptance.getEntityManager().createNativeQuery("insert into policy_acceptance (version, sub, accepted_at) "
                        + "values (?1, ?2, ?3) on conflict (version, sub) do nothing")
                .setParameter(1, number).setParameter(2, caller.id()).setParameter(3, clock.instant())
                .executeUpdate();
        PolicyAcceptance a = PolicyAcceptance.findById(new PolicyAcceptance.Key(number, caller.id()));
        return Response.status(inserted == 1 ? 201 : 200).type(MediaType.APPLICATION_JSON).entity(a).build();
    }

    /** Who accepted this version (privacy officer). */
    @GET
    @Path("/{number}/acceptances")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Page<PolicyAcceptance> acceptances(@PathParam("number") String number,
                                              @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                              @QueryParam("cursor") String cursor) {
        get(number);
        String after = Page.decode(cursor);
        return Page.of(PolicyAcceptance.<PolicyAcceptance>find("version = ?1 and sub > ?2", Sort.by("sub"), number,
                after == null ? "" : after).range(0, limit).list(), limit, a -> a.sub);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
