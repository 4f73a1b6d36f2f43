package dev.steward.account.taxonomy;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Collection;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The data-category taxonomy, public so that Clients can label their attributes. */
@Path("/data-categories")
@Tag(name = "End users")
public class DataCategoryResource {

    private final DataCategories categories;

    public DataCategoryResource(DataCategories categories) {
        this.categories = categories;
    }

    @GET
    @PermitAll
    public Collection<DataCategories.Category> all() {
        return categories.all().values();
    }
}
