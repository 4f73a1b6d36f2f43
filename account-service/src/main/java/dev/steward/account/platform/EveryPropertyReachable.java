package dev.steward.account.platform;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;

/**
 * Bean Validation without JPA's "is this property loaded?" question. With Hibernate ORM present, the
 * default traversable resolver asks it for every property of every object validated, and remembers each
 * answer per object in a map (objects that are equal, like two identical attributes, share a hash bucket):
 * for a batch of 1,000 end-user records that cost more than the constraints themselves (issue 10, the
 * two-client ingest profile). The question only matters for lazy associations, which no entity of this
 * service has, and request bodies are not entities: every property is reachable, and with nothing to
 * remember the per-validation cache is off.
 */
@ApplicationScoped
public class EveryPropertyReachable implements ValidatorFactoryCustomizer, TraversableResolver {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configuration.traversableResolver(this).enableTraversableResolverResultCache(false);
    }

    @Override
    public boolean isReachable(Object object, Path.Node property, Class<?> rootBean, Path pathToObject, ElementType type) {
        return true;
    }

    @Override
    public boolean isCascadable(Object object, Path.Node property, Class<?> rootBean, Path pathToObject, ElementType type) {
        return true;
    }
}
