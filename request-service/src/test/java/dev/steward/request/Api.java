package dev.steward.request;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;

/** Small helpers over rest-assured for the request API. */
public final class Api {

    private Api() {
    }

    public static Response submit(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/requests");
    }

    public static String submitted(String token, Map<String, Object> body) {
        return submit(token, body).then().statusCode(201).extract().path("id");
    }

    public static JsonPath get(String token, String id) {
        return given().auth().oauth2(token).when().get("/requests/" + id).then().statusCode(200).extract().jsonPath();
    }

    public static String status(String token, String id) {
        return get(token, id).getString("status");
    }

    public static JsonPath awaitStatus(String token, String id, String expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> expected.equals(status(token, id)));
        return get(token, id);
    }

    public static Response action(String token, String id, String action, Object body) {
        var spec = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.when().post("/requests/" + id + "/" + action);
    }
}
