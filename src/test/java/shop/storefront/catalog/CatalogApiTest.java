package shop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static shop.storefront.catalog.CatalogRequests.list;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The catalog API's categories and products, its problems and its OpenAPI description. */
@QuarkusTest
class CatalogApiTest {

    @Inject
    CatalogOracle db;

    @Test
    void categoryTreeHasTopLevelCategoriesWithChildren() {
        JsonPath tree = given().get("/api/v1/categories").then().statusCode(200).extract().jsonPath();
        assertThat(tree.getList("slug")).hasSize((int) db.longValue("SELECT count(*) FROM catalog.category WHERE parent_id IS NULL"));
        assertThat(tree.getList("find { it.slug == 'clothing' }.children.slug", String.class)).contains("jackets", "knitwear");
        assertThat(db.longValue("SELECT count(*) FROM catalog.category")).isGreaterThanOrEqualTo(12);
    }

    @Test
    void categoryListsActiveProductsOfItsWholeSubtree() {
        JsonPath page = list("category=clothing&per_page=5");
        assertThat(page.getLong("total")).isEqualTo(db.activeInCategory("clothing", null)).isPositive();
        assertThat(page.getList("items")).hasSize(5);
        assertThat(db.longValue("SELECT count(*) FROM catalog.product WHERE status <> 'active'")).as("seed has hidden products").isPositive();
        String hidden = db.slugWhere("p.status = 'draft'");
        given().get("/api/v1/products/" + hidden).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void productDetailHasVariantsWithMoney() {
        String slug = db.slugWhere("p.status = 'active' AND p.id IN (SELECT product_id FROM catalog.variant GROUP BY 1 HAVING count(*) > 2)");
        JsonPath product = given().get("/api/v1/products/" + slug).then().statusCode(200).extract().jsonPath();
        assertThat(product.getList("variants")).hasSize((int) db.longValue(
                "SELECT count(*) FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id WHERE p.slug = ?", slug));
        assertThat(product.getString("variants[0].price.currency")).isEqualTo("EUR");
        assertThat(product.getString("variants[0].price.amount")).as("an exact decimal string").matches("\\d+\\.\\d{2}");
        assertThat(product.getList("breadcrumb.name", String.class)).first().isEqualTo("Home");
        assertThat(product.getString("variants[0].sku")).isEqualTo(db.string(
                "SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id WHERE p.slug = ? ORDER BY v.position, v.id LIMIT 1", slug));
    }

    @Test
    void openApiDescribesTheCatalogApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/products"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/search"))
                .body("paths", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("/category/{slug}")))
                .body("paths.'/api/v1/products'.get.parameters.name", org.hamcrest.Matchers.hasItems("category", "brand", "price",
                        "in_stock", "sort", "page", "per_page"))
                .body("paths.'/api/v1/search'.get.parameters.find { it.name == 'q' }.required", equalTo(true))
                .body("paths.'/api/v1/products'.get.parameters.find { it.name == 'sort' }.schema.enum",
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("relevance")));
    }

    @Test
    void unknownCategoryIsAProblem() {
        given().get("/api/v1/products?category=no-such-thing").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404)).body("detail", containsString("no-such-thing"));
        given().get("/api/v1/categories/no-such-thing").then().statusCode(404).body("title", equalTo("Not found"));
        given().get("/api/v1/categories/jackets").then().statusCode(200).body("breadcrumb", hasSize(3));
    }
}
