package shop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.storefront.account.Accounts;
import shop.storefront.backoffice.Staff;
import shop.storefront.web.Shopper;

/** Staff create, edit and archive products and their SKUs in the back office; the shop follows on the next request. */
@QuarkusTest
class ProductAdminTest {

    @Inject
    CatalogOracle db;
    @Inject
    RedisDataSource redis;

    private Staff.Admin admin;

    @BeforeEach
    void signIn() {
        Accounts.resetRateLimits(redis);
        admin = Staff.signedInAdmin(db);
    }

    @Test
    void aNewProductReachesTheShopWithItsSeoFieldsAndLeavesItWhenArchived() {
        String word = "Zephyrine" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        Response created = browser().submit("/admin/products/new", "/admin/products",
                product(word + " Ridge Jacket", "", "draft", "", ""));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.header("Location")).matches("/admin/products/[0-9]+\\?done=created");
        String editor = created.header("Location").replaceAll("\\?.*", "");
        String slug = word.toLowerCase() + "-ridge-jacket";
        assertThat(db.string("SELECT status FROM catalog.product WHERE slug = ?", slug)).as("slug made from the name").isEqualTo("draft");
        given().accept("text/html").get("/product/" + slug).then().statusCode(404);

        String sku = "ZRJ-" + System.nanoTime();
        assertThat(browser().submit(editor, editor + "/variants", variant(sku, "M", "Navy", "129.00", "149.00", "700")).statusCode())
                .isEqualTo(303);
        assertThat(browser().submit(editor, editor, product(word + " Ridge Jacket", slug, "active",
                "Ridge jacket for " + word, "Waterproof & light: the " + word + " jacket")).statusCode()).isEqualTo(303);

        String page = CatalogPagesTest.page("/product/" + slug);
        assertThat(page).contains("<title>Ridge jacket for " + word + " · Storefront</title>",
                "<meta name=\"description\" content=\"Waterproof &amp; light: the " + word + " jacket\">", "€129.00", "€149.00", sku);
        assertThat(CatalogPagesTest.page("/search?q=" + word)).contains("/product/" + slug);
        assertThat(browser().get(editor).asString()).contains(sku, "href=\"" + editor + "/images\"");
        assertThat(auditActions(slug)).containsExactly("product.created", "product.updated");
        assertThat(auditActions(sku)).containsExactly("variant.added");
        assertThat(db.string("SELECT actor FROM backoffice.audit_entry WHERE subject = ? LIMIT 1", slug)).isEqualTo(admin.email());

        assertThat(browser().submit(editor, editor + "/archive", Map.of()).statusCode()).isEqualTo(303);
        given().accept("text/html").get("/product/" + slug).then().statusCode(404);
        assertThat(CatalogPagesTest.page("/search?q=" + word)).doesNotContain("/product/" + slug);
        assertThat(auditActions(slug)).containsExactly("product.created", "product.updated", "product.archived");
    }

    @Test
    void aProductWithoutSkusCannotBeActiveAndItsSeoDefaultsStay() {
        String slug = db.slugWhere("p.status = 'active' AND p.meta_title IS NULL");
        String page = CatalogPagesTest.page("/product/" + slug);
        String name = db.string("SELECT name FROM catalog.product WHERE slug = ?", slug);
        String brand = db.string("SELECT brand FROM catalog.product WHERE slug = ?", slug);
        assertThat(page).contains("<title>" + name + " by " + brand + " · Storefront</title>");

        Response refused = browser().submit("/admin/products/new", "/admin/products", product("Lonely Lamp", "", "active", "", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("aria-describedby=\"status-error\"", "Add at least one SKU", "value=\"Lonely Lamp\"");
        assertThat(db.longValue("SELECT count(*) FROM catalog.product WHERE name = 'Lonely Lamp'")).isZero();
    }

    @Test
    void aPriceChangeShowsOnTheNextRequest() {
        String sku = db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.status = 'active' AND v.compare_at_amount IS NULL AND v.options->>'colour' IS NOT NULL"
                + " AND (SELECT count(*) FROM catalog.variant w WHERE w.product_id = p.id) = 1 ORDER BY v.id OFFSET 7 LIMIT 1");
        List<Object> row = db.rows("SELECT p.slug, p.id, v.id, v.options->>'colour', v.weight_grams, coalesce(v.options->>'size', '') FROM catalog.variant v"
                + " JOIN catalog.product p ON p.id = v.product_id WHERE v.sku = ?", sku).getFirst();
        String slug = (String) row.get(0);
        String variantPage = "/admin/products/" + row.get(1) + "/variants/" + row.get(2);
        assertThat(CatalogPagesTest.page("/product/" + slug)).doesNotContain("€77.70"); // cached now

        Response saved = browser().submit(variantPage, variantPage, variant(sku, (String) row.get(5), (String) row.get(3), "77.70", "", row.get(4).toString()));
        assertThat(saved.statusCode()).isEqualTo(303);

        assertThat(CatalogPagesTest.page("/product/" + slug)).contains("€77.70");
        assertThat(auditActions(sku)).contains("variant.updated", "price.changed");
        assertThat(db.string("SELECT detail FROM backoffice.audit_entry WHERE subject = ? AND action = 'price.changed'", sku))
                .endsWith("→ €77.70");
    }

    @Test
    void badProductFieldsComeBackNextToTheFieldWithNothingSaved() {
        Map<String, String> fields = product("Q".repeat(301), "Bad Slug!", "draft", "T".repeat(71), "");
        fields.put("description", "d".repeat(10_001));
        Response refused = browser().submit("/admin/products/new", "/admin/products", fields);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("Please correct the 4 fields marked below.",
                "aria-describedby=\"name-error\"", "aria-describedby=\"slug-error\"", "aria-describedby=\"description-error\"",
                "aria-describedby=\"metaTitle-error\"", "Use lower-case letters", "value=\"Bad Slug!\"");
        assertThat(db.longValue("SELECT count(*) FROM catalog.product WHERE slug = 'bad-slug' OR name LIKE 'QQQQ%'")).isZero();

        String taken = db.slugWhere("p.status = 'active'");
        Response duplicate = browser().submit("/admin/products/new", "/admin/products", product("Another", taken, "draft", "", ""));
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(duplicate.asString()).contains("id=\"slug-error\"", "Another product already uses the address /product/" + taken);
    }

    @Test
    void badSkuFieldsComeBackNextToTheFieldWithNothingSaved() {
        long productId = db.longValue("SELECT id FROM catalog.product WHERE status = 'draft' ORDER BY id LIMIT 1");
        String editor = "/admin/products/" + productId;
        String existing = db.string("SELECT sku FROM catalog.variant ORDER BY id LIMIT 1");
        long before = db.longValue("SELECT count(*) FROM catalog.variant WHERE product_id = ?", productId);
        record Case(Map<String, String> fields, String field, String message) {
        }
        List<Case> cases = List.of(
                new Case(variant(existing.toLowerCase(), "M", "", "10.00", "", "0"), "sku", "already in use"),
                new Case(variant("has space", "M", "", "10.00", "", "0"), "sku", "letters, digits"),
                new Case(variant("NEW-" + System.nanoTime(), "M", "", "-5", "", "0"), "price", "cannot be negative"),
                new Case(variant("NEW-" + System.nanoTime(), "M", "", "10.001", "", "0"), "price", "at most 2 decimals"),
                new Case(variant("NEW-" + System.nanoTime(), "M", "", "10.00", "9.99", "0"), "compareAt", "higher than the price"),
                new Case(variant("NEW-" + System.nanoTime(), "x".repeat(61), "", "10.00", "", "0"), "size", "at most 60"),
                new Case(variant("NEW-" + System.nanoTime(), "M", "", "10.00", "", "heavy"), "weight", "whole number of grams"));
        for (Case c : cases) {
            Response refused = browser().submit(editor, editor + "/variants", c.fields());
            assertThat(refused.statusCode()).as(c.field()).isEqualTo(400);
            assertThat(refused.asString()).as(c.field())
                    .contains("id=\"new-" + c.field() + "-error\"", "aria-describedby=\"new-" + c.field() + "-error\"", c.message());
        }
        assertThat(db.longValue("SELECT count(*) FROM catalog.variant WHERE product_id = ?", productId)).isEqualTo(before);
    }

    @Test
    void aPostWithoutTheCsrfTokenChangesNothing() {
        long productId = db.longValue("SELECT id FROM catalog.product WHERE status = 'active' ORDER BY id LIMIT 1");
        String name = db.string("SELECT name FROM catalog.product WHERE id = ?", productId);
        var request = browser().request().contentType("application/x-www-form-urlencoded");
        product("Hijacked", "", "archived", "", "").forEach(request::formParam);
        assertThat(request.post("/admin/products/" + productId).statusCode()).isEqualTo(403);
        assertThat(browser().request().contentType("application/x-www-form-urlencoded").post("/admin/products/" + productId + "/archive")
                .statusCode()).isEqualTo(403);
        assertThat(db.string("SELECT name || ' ' || status FROM catalog.product WHERE id = ?", productId)).isEqualTo(name + " active");
    }

    @Test
    void theListFindsProductsByNameSlugOrSkuAndFilters() {
        List<Object> row = db.rows("SELECT p.name, p.slug, v.sku, c.slug FROM catalog.product p JOIN catalog.variant v ON v.product_id = p.id"
                + " JOIN catalog.category c ON c.id = p.category_id WHERE p.status = 'archived' ORDER BY p.id LIMIT 1").getFirst();
        String bySku = browser().request().accept("text/html").queryParam("q", row.get(2)).get("/admin/products").then().statusCode(200)
                .extract().asString();
        assertThat(bySku).contains(row.get(1).toString(), "archived");
        String filtered = browser().request().accept("text/html").queryParam("status", "archived").queryParam("category", row.get(3))
                .get("/admin/products").asString();
        assertThat(filtered).contains(row.get(1).toString()).doesNotContain("status-active");
        browser().request().accept("text/html").queryParam("status", "gone").get("/admin/products").then().statusCode(400);
        browser().request().accept("text/html").queryParam("page", "0").get("/admin/products").then().statusCode(400);
    }

    private Shopper browser() {
        return admin.browser();
    }

    private List<String> auditActions(String subject) {
        return db.rows("SELECT action FROM backoffice.audit_entry WHERE subject = ? ORDER BY id", subject).stream()
                .map(r -> (String) r.getFirst()).toList();
    }

    static Map<String, String> product(String name, String slug, String status, String metaTitle, String metaDescription) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("slug", slug);
        fields.put("description", "Made for wet ridges.\nTaped seams.");
        fields.put("brand", "Testbrand");
        fields.put("category", "jackets");
        fields.put("status", status);
        fields.put("metaTitle", metaTitle);
        fields.put("metaDescription", metaDescription);
        return fields;
    }

    static Map<String, String> variant(String sku, String size, String colour, String price, String compareAt, String weight) {
        return new LinkedHashMap<>(Map.of("sku", sku, "size", size, "colour", colour, "price", price, "compareAt", compareAt,
                "weight", weight));
    }
}
