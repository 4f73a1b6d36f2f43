package dev.steward.request.fuzz;

import dev.steward.platform.testing.FuzzProfile;
import dev.steward.platform.testing.OpenApiFuzzTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Requests generated from this service's OpenAPI document: no 5xx, every error a problem. */
@QuarkusTest
@TestProfile(FuzzProfile.class)
class RequestFuzzTest extends OpenApiFuzzTest {
}
