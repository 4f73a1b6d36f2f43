package dev.steward.console.legal;

import dev.steward.console.web.Forms;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.console.peer.Page;
import dev.steward.console.peer.PeerRefused;
import dev.steward.console.web.FieldErrors;
import dev.steward.console.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The sub-processor registry: the list and registering one. disclosure-service has no edit
 * endpoint today, so the page offers none (the console holds no data and adds no rules).
 */
@Path("/subprocessors")
@Produces(MediaType.TEXT_HTML)
public class SubProcessorsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance subprocessors(Page<SubProcessor> page, String cursor, SubProcessorForm form,
                                                     FieldErrors errors);
    }

    /** The register form as sent (redrawn with the service's errors when refused). */
    public record SubProcessorForm(String name, String purpose, String dataCategories, String country,
                                   String agreementInForce, String agreementSince, String idempotencyKey) {

        static SubProcessorForm blank() {
            return new SubProcessorForm(null, null, null, null, null, null, UUID.randomUUID().toString());
        }

        public boolean agreement() {
            return "true".equals(agreementInForce);
        }

        ObjectNode toJson() {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            Forms.put(body, "name", name);
            Forms.put(body, "purpose", purpose);
            ArrayNode categories = body.putArray("dataCategories");
            if (dataCategories != null) {
                Arrays.stream(dataCategories.split("[,\\n]")).map(String::trim).filter(s -> !s.isEmpty())
                        .forEach(categories::add);
            }
            Forms.put(body, "country", country);
            body.put("agreementInForce", agreement());
            Forms.put(body, "agreementSince", agreementSince);
            return body;
        }
    }

    private final DisclosureApi api;

    public SubProcessorsResource(@RestClient DisclosureApi api) {
        this.api = api;
    }

    @GET
    @RolesAllowed({Viewer.LEGAL, Viewer.PRIVACY_OFFICER, Viewer.AUDITOR})
    public TemplateInstance list(@RestQuery String cursor) {
        return Templates.subprocessors(api.subProcessors(50, Forms.blankToNull(cursor)), cursor, SubProcessorForm.blank(),
                FieldErrors.NONE);
    }

    @POST
    @RolesAllowed(Viewer.LEGAL)
    public Response register(@RestForm String name, @RestForm String purpose, @RestForm String dataCategories,
                             @RestForm String country, @RestForm String agreementInForce,
                             @RestForm String agreementSince, @RestForm String idempotencyKey) {
        SubProcessorForm form = new SubProcessorForm(name, purpose, dataCategories, country, agreementInForce,
                agreementSince, idempotencyKey);
        try {
            api.register(form.toJson(), idempotencyKey);
            return Response.seeOther(URI.create("/subprocessors")).build();
        } catch (PeerRefused e) {
            SubProcessorForm again = new SubProcessorForm(name, purpose, dataCategories, country, agreementInForce,
                    agreementSince, UUID.randomUUID().toString());
            return Response.status(e.problem().status()).entity(Templates.subprocessors(api.subProcessors(50, null),
                    null, again, new FieldErrors(e.problem()))).build();
        }
    }

}
