package dev.steward.console.privacy;

import dev.steward.console.peer.PeerRefused;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A visitor's consent choices (§3, §5, §6; contract C3), kept in account-service under a random
 * visitor id from a first-party cookie. A browser that sends {@code Sec-GPC: 1} has sharing and
 * advertising turned off: the page says so, and the first visit with the signal records it (source GPC).
 */
@Path("/privacy/preferences")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class PreferencesResource {

    static final String GPC = "Sec-GPC";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance preferences(List<Row> rows, boolean gpc, String visitorId, boolean saved,
                                                   String alert);
    }

    /** One purpose on the page: what it is, whether it is allowed, and since when / by what. */
    @TemplateData
    public record Row(Purposes.Purpose purpose, boolean granted, String source, java.time.Instant at, boolean lockedByGpc) {
    }

    private final PublicAccountApi accounts;
    private final PrivacyCenterSettings settings;

    public PreferencesResource(@RestClient PublicAccountApi accounts, PrivacyCenterSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    @GET
    public Response page(@RestCookie(Visitors.COOKIE) String cookie, @RestHeader(GPC) String secGpc,
                         @RestQuery String saved, @Context UriInfo uri) {
        boolean gpc = "1".equals(secGpc == null ? null : secGpc.trim());
        String visitorId = Visitors.valid(cookie) ? cookie : Visitors.newId();
        PublicAccountApi.VisitorConsents state;
        try {
            state = accounts.consents(settings.org(), visitorId, gpc ? "1" : null);
            if (gpc && !gpcRecorded(state)) {
                // the browser asked (Global Privacy Control): record sharing and advertising as refused, source GPC
                state = accounts.choose(settings.org(), visitorId, new PublicAccountApi.Choices(Map.of(), "GPC"), "1");
            }
        } catch (PeerRefused e) {
            return withCookie(Response.status(e.problem().status()), visitorId, cookie, uri)
                    .entity(Templates.preferences(rows(null, gpc), gpc, visitorId, false, e.problem().message())).build();
        }
        return withCookie(Response.ok(), visitorId, cookie, uri)
                .entity(Templates.preferences(rows(state, gpc), gpc, visitorId, saved != null, null)).build();
    }

    @POST
    public Response save(@RestCookie(Visitors.COOKIE) String cookie, @RestHeader(GPC) String secGpc,
                         @RestForm List<String> granted, @Context UriInfo uri) {
        boolean gpc = "1".equals(secGpc == null ? null : secGpc.trim());
        String visitorId = Visitors.valid(cookie) ? cookie : Visitors.newId();
        Map<String, Boolean> choices = new LinkedHashMap<>();
        for (Purposes.Purpose p : Purposes.ALL) {
            if (!(gpc && p.offUnderGpc())) {
                choices.put(p.name(), granted != null && granted.contains(p.name()));
            }
        }
        try {
            accounts.choose(settings.org(), visitorId, new PublicAccountApi.Choices(choices, "PREFERENCE_PAGE"),
                    gpc ? "1" : null);
        } catch (PeerRefused e) {
            return withCookie(Response.status(e.problem().status()), visitorId, cookie, uri)
                    .entity(Templates.preferences(rows(null, gpc), gpc, visitorId, false, e.problem().message())).build();
        }
        return withCookie(Response.seeOther(URI.create("/privacy/preferences?saved=1")), visitorId, cookie, uri).build();
    }

    /** Whether sharing and advertising are already recorded as refused because of the signal. */
    private static boolean gpcRecorded(PublicAccountApi.VisitorConsents state) {
        return Purposes.OFF_UNDER_GPC.stream().allMatch(p -> state.choices().stream()
                .anyMatch(c -> c.purpose().equals(p) && !c.granted() && "GPC".equals(c.source())));
    }

    private static List<Row> rows(PublicAccountApi.VisitorConsents state, boolean gpc) {
        return Purposes.ALL.stream().map(p -> {
            PublicAccountApi.Choice c = state == null ? null : state.choices().stream()
                    .filter(x -> x.purpose().equals(p.name())).findFirst().orElse(null);
            boolean locked = gpc && p.offUnderGpc();
            return new Row(p, c != null && c.granted() && !locked, c == null ? null : c.source(), c == null ? null : c.at(),
                    locked);
        }).toList();
    }

    /** Sets the visitor-id cookie when the browser had none (or an unusable one). */
    private static Response.ResponseBuilder withCookie(Response.ResponseBuilder b, String visitorId, String cookie,
                                                       UriInfo uri) {
        if (!visitorId.equals(cookie)) {
            b.cookie(Visitors.cookie(visitorId, "https".equals(uri.getRequestUri().getScheme())));
        }
        return b;
    }
}
