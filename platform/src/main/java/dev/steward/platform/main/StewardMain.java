package dev.steward.platform.main;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Every Steward service's entry point. Quarkus answers a request URI that {@code java.net.URI}
 * cannot parse (a stray {@code %}) with a bare 400 before any route runs, unless this property is
 * set before it starts; {@link dev.steward.platform.web.RequestHeadLimits} then makes the same check
 * and answers with problem+json. Tests set the property in the build (surefire/failsafe).
 */
@QuarkusMain
public final class StewardMain {

    private StewardMain() {
    }

    public static void main(String... args) {
        System.setProperty("vertx.disableURIValidation", "true");
        Quarkus.run(args);
    }
}
