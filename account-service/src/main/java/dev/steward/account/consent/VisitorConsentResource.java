package dev.steward.account.consent;

import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A website visitor's consent choices (issue 14 §4, contract C3), without a token: the Privacy Center's
 * preference page and the consent script a website embeds call it through the console. A visitor is
 * named by an opaque id the website gives its browser; the org must exist (404 otherwise).
 */
@Path("/public/consents/{org}/{visitorId}")
@Tag(name = "Visitor consent", description = "A website visitor's consent choices per purpose, Global Privacy Control honoured (§3, §5, §6)")
@PermitAll
public class VisitorConsentResource {

    /** Opaque, as a website's script makes them: 8–128 letters, digits, dot, underscore, hyphen. */
    static final Pattern VISITOR_ID = Pattern.compile("[A-Za-z0-9._-]{8,128}");
    public static final String GPC_HEADER = "Sec-GPC";

    private final VisitorConsentService consents;

    public VisitorConsentResource(VisitorConsentService consents) {
        this.consents = consents;
    }

    /** The visitor's current choices, every purpose listed (never chosen: not granted). */
    @GET
    public VisitorConsent state(@PathParam("org") String org, @PathParam("visitorId") String visitorId) {
        return consents.state(org, checked(visitorId));
    }

    /**
     * Records the choices sent (only changes become events: purpose, granted, source, time). With
     * {@code Sec-GPC: 1} sharing with third parties and advertising cookies are recorded as refused, with
     * source GPC, whatever the body says.
     */
    @PUT
    public VisitorConsent choose(@PathParam("org") String org, @PathParam("visitorId") String visitorId,
                                 @Parameter(description = "Global Privacy Control: \"1\" opts out of sharing and advertising")
                                 @HeaderParam(GPC_HEADER) String gpc,
                                 @Valid @NotNull VisitorChoices body) {
        String id = checked(visitorId);
        // the GPC specification defines one value, "1"; anything else is no signal
        return consents.choose(org, id, body.choices().chosen(), body.source(), "1".equals(gpc == null ? null : gpc.trim()));
    }

    private static String checked(String visitorId) {
        if (!VISITOR_ID.matcher(visitorId).matches()) {
            throw ProblemException.badRequest("visitorId must be 8 to 128 letters, digits, '.', '_' or '-'",
                    new Problem.FieldError("visitorId", "must be 8 to 128 characters of [A-Za-z0-9._-]"));
        }
        return visitorId;
    }
}
