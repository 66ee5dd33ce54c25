package shop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.storefront.platform.Money;

/** Catalog reads are served from Redis, and a change shows on the very next request. */
@QuarkusTest
class CacheFreshnessTest {

    @Inject
    CatalogOracle db;
    @Inject
    Inventory inventory;
    @Inject
    RedisDataSource redis;

    @Test
    void productPagesAreCachedInRedis() {
        String slug = db.slugWhere("p.status = 'active'");
        // An entry an earlier test cached could expire between the two reads below; start from a fresh one (full TTL).
        List<String> earlier = redis.key().keys("catalog:product:" + slug + ":*");
        if (!earlier.isEmpty()) {
            redis.key().del(earlier.toArray(String[]::new));
        }
        given().get("/api/v1/products/" + slug).then().statusCode(200);
        List<String> keys = redis.key().keys("catalog:product:" + slug + ":*");
        assertThat(keys).isNotEmpty();
        // Proof the cache is read: change the row behind the app's back and the cached page still shows the old name.
        String name = db.string("SELECT name FROM catalog.product WHERE slug = ?", slug);
        db.update("UPDATE catalog.product SET name = name || ' (renamed)' WHERE slug = ?", slug);
        try {
            given().get("/api/v1/products/" + slug).then().statusCode(200).body("name", org.hamcrest.Matchers.equalTo(name));
        } finally {
            db.update("UPDATE catalog.product SET name = ? WHERE slug = ?", name, slug);
        }
    }

    @Test
    void priceChangeIsVisibleImmediatelyOnPageListingAndApi() {
        String sku = db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " JOIN catalog.category c ON c.id = p.category_id WHERE p.status = 'active' AND c.slug = 'tents'"
                + " AND (SELECT count(*) FROM catalog.variant w WHERE w.product_id = p.id) = 1 ORDER BY v.id LIMIT 1");
        String slug = db.string("SELECT p.slug FROM catalog.product p JOIN catalog.variant v ON v.product_id = p.id WHERE v.sku = ?", sku);
        // Warm every cache that shows this product.
        CatalogPagesTest.page("/product/" + slug);
        given().get("/api/v1/products?category=tents&sort=price-asc&per_page=96").then().statusCode(200);

        inventory.setPrice(sku, Money.of("1.23", "EUR"));

        assertThat(CatalogPagesTest.page("/product/" + slug)).contains("€1.23");
        given().get("/api/v1/products/" + slug).then().body("variants[0].price.amount", org.hamcrest.Matchers.equalTo("1.23"));
        given().get("/api/v1/products?category=tents&sort=price-asc&per_page=1").then()
                .body("items[0].slug", org.hamcrest.Matchers.equalTo(slug));
    }

    @Test
    void stockChangesRefreshDetailAndAvailability() {
        String sku = db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.status = 'active' AND v.stock_on_hand > 5"
                + " AND (SELECT count(*) FROM catalog.variant w WHERE w.product_id = p.id) = 1 ORDER BY v.id DESC LIMIT 1");
        String slug = db.string("SELECT p.slug FROM catalog.product p JOIN catalog.variant v ON v.product_id = p.id WHERE v.sku = ?", sku);
        assertThat(CatalogPagesTest.page("/product/" + slug)).contains("In stock");
        assertThat(inStockSearchResults(slug)).contains(slug);

        inventory.setStock(sku, 3);
        assertThat(CatalogPagesTest.page("/product/" + slug)).contains("Only 3 left");

        inventory.setStock(sku, 0);
        assertThat(CatalogPagesTest.page("/product/" + slug)).contains("Out of stock");
        assertThat(inStockSearchResults(slug)).doesNotContain(slug);
        assertThat(db.string("SELECT in_stock::text FROM catalog.product WHERE slug = ?", slug)).isEqualTo("false");
    }

    @Test
    void inventoryRejectsImpossibleValues() {
        String sku = db.string("SELECT sku FROM catalog.variant ORDER BY id LIMIT 1");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> inventory.setStock(sku, -1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> inventory.setStock("NO-SUCH-SKU", 1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> inventory.setPrice(sku, Money.of("-1", "EUR")));
    }

    /** Slugs found by an in-stock-only search for the product's own name (its slug without the number). */
    private static List<String> inStockSearchResults(String slug) {
        return given().queryParam("q", slug.replace('-', ' ').replaceAll(" \\d+$", "")).queryParam("in_stock", "true")
                .queryParam("per_page", 96).get("/api/v1/search").then().statusCode(200)
                .extract().jsonPath().getList("items.slug", String.class);
    }
}
