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
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The sub-processor registry: the list, registering one and editing one (a full replacement,
 * PUT /subprocessors/{id}, contract C4). A refused form is drawn again as typed, with the service's
 * errors beside their fields.
 */
@Path("/subprocessors")
@Produces(MediaType.TEXT_HTML)
public class SubProcessorsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance subprocessors(Page<SubProcessor> page, String cursor, SubProcessorForm form,
                                                     FieldErrors errors);

        static native TemplateInstance edit(UUID id, SubProcessorForm form, FieldErrors errors);
    }

    /** The register / edit form as sent (redrawn with the service's errors when refused). */
    @TemplateData
    public record SubProcessorForm(@RestForm String name, @RestForm String purpose, @RestForm String dataCategories,
                                   @RestForm String country, @RestForm String agreementInForce,
                                   @RestForm String agreementSince, @RestForm String idempotencyKey) {

        static SubProcessorForm blank() {
            return new SubProcessorForm(null, null, null, null, null, null, UUID.randomUUID().toString());
        }

        static SubProcessorForm of(SubProcessor sp) {
            return new SubProcessorForm(sp.name(), sp.purpose(),
                    sp.dataCategories() == null ? "" : String.join(", ", sp.dataCategories()), sp.country(),
                    String.valueOf(sp.agreementInForce()), sp.agreementSince() == null ? null : sp.agreementSince().toString(),
                    null);
        }

        SubProcessorForm withNewKey() {
            return new SubProcessorForm(name, purpose, dataCategories, country, agreementInForce, agreementSince,
                    UUID.randomUUID().toString());
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
    public Response register(@BeanParam SubProcessorForm form) {
        try {
            api.register(form.toJson(), form.idempotencyKey());
            return Response.seeOther(URI.create("/subprocessors")).build();
        } catch (PeerRefused e) {
            return Response.status(e.problem().status()).entity(Templates.subprocessors(api.subProcessors(50, null),
                    null, form.withNewKey(), new FieldErrors(e.problem()))).build();
        }
    }

    @GET
    @Path("/{id}/edit")
    @RolesAllowed(Viewer.LEGAL)
    public TemplateInstance edit(@RestPath UUID id) {
        return Templates.edit(id, SubProcessorForm.of(api.subProcessor(id)), FieldErrors.NONE);
    }

    /** The edit form posts here; the console sends the whole registration as PUT (a full replacement). */
    @POST
    @Path("/{id}")
    @RolesAllowed(Viewer.LEGAL)
    public Response update(@RestPath UUID id, @BeanParam SubProcessorForm form) {
        try {
            api.update(id, form.toJson());
            return Response.seeOther(URI.create("/subprocessors")).build();
        } catch (PeerRefused e) {
            return Response.status(e.problem().status()).entity(Templates.edit(id, form, new FieldErrors(e.problem())))
                    .build();
        }
    }
}
