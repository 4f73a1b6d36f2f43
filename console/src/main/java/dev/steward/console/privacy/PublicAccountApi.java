package dev.steward.console.privacy;

import dev.steward.console.peer.Page;
import dev.steward.console.peer.ProblemResponses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** account-service's public parts, called WITHOUT a token: the policy versions (§16) and visitor consent (contract C3). */
@RegisterRestClient(configKey = "account-service")
@RegisterProvider(ProblemResponses.class)
@Produces(MediaType.APPLICATION_JSON)
public interface PublicAccountApi {

    @GET
    @Path("/policy-versions/current")
    PolicyVersion currentPolicy();

    @GET
    @Path("/policy-versions/{number}")
    PolicyVersion policy(@PathParam("number") String number);

    @GET
    @Path("/policy-versions")
    Page<PolicyVersion> policies(@QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

    @GET
    @Path("/policy-versions/{number}/text")
    @Produces(MediaType.TEXT_PLAIN)
    String policyText(@PathParam("number") String number);

    @GET
    @Path("/public/consents/{org}/{visitorId}")
    VisitorConsents consents(@PathParam("org") String org, @PathParam("visitorId") String visitorId,
                             @HeaderParam("Sec-GPC") String gpc);

    @PUT
    @Path("/public/consents/{org}/{visitorId}")
    VisitorConsents choose(@PathParam("org") String org, @PathParam("visitorId") String visitorId, Choices choices,
                           @HeaderParam("Sec-GPC") String gpc);

    record PolicyVersion(String number, LocalDate effectiveDate, String summary, String url, String sha256,
                         Instant publishedAt, boolean textAvailable) {
    }

    record VisitorConsents(String org, String visitorId, boolean gpc, List<Choice> choices) {
        public VisitorConsents {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }
    }

    record Choice(String purpose, boolean granted, String source, Instant at) {
    }

    /** A PUT body: purpose to granted, and where the choice was made (PREFERENCE_PAGE, BANNER, GPC). */
    record Choices(Map<String, Boolean> choices, String source) {
    }
}
