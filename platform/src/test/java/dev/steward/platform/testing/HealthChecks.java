package dev.steward.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The health contract of every service, for @QuarkusTest and packaged-app (*IT) tests alike. */
public final class HealthChecks {

    private HealthChecks() {
    }

    /** Started, live, and ready with its database. */
    public static void assertUpWithDatabase() {
        given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }
}
