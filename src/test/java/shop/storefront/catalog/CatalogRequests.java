package shop.storefront.catalog;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;

/** The listing and search requests the catalog API tests share, answered 200 as JSON. */
final class CatalogRequests {

    static {
        // Prices are compared exactly, never as binary floating point.
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.BIG_DECIMAL));
    }

    private CatalogRequests() {
    }

    static JsonPath list(String query) {
        return given().get("/api/v1/products?" + query).then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    static JsonPath search(String q) {
        return given().queryParam("q", q).get("/api/v1/search").then().statusCode(200).extract().jsonPath();
    }
}
