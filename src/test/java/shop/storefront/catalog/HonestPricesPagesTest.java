package shop.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cards and the product page show "from" only for differing prices and a sale as the old price with the saving,
 * said in words to screen readers. Four products made for the test (one price; a range; a sale on the cheapest
 * variant; a compare-at equal to the price), found by a word only they carry and removed afterwards.
 */
@QuarkusTest
class HonestPricesPagesTest {

    @Inject
    CatalogOracle db;

    private String word;

    @BeforeEach
    void makeProducts() {
        word = randomWord();
        product("Single", new String[] {"20.00", null}, new String[] {"20.00", null});
        product("Range", new String[] {"20.00", null}, new String[] {"30.00", null});
        product("Sale", new String[] {"20.00", "25.00"}, new String[] {"30.00", "40.00"});
        product("Equal", new String[] {"20.00", "20.00"});
    }

    @AfterEach
    void removeProducts() {
        db.update("DELETE FROM catalog.product WHERE brand = ?", brand());
    }

    @Test
    void cardsShowFromOnlyForARangeAndASaleWithItsOldPriceAndSaving() {
        String html = given().accept("text/html").queryParam("q", word).get("/search").then().statusCode(200).extract().asString();

        assertThat(cardPrice(html, "Single")).isEqualTo("€20.00");
        assertThat(cardPrice(html, "Equal")).isEqualTo("€20.00");
        assertThat(cardPrice(html, "Range")).isEqualTo("from €20.00");
        // Screen readers hear the sale in words, once; the struck-out figures are for the eyes only.
        assertThat(cardPrice(html, "Sale")).isEqualTo("<span class=\"visually-hidden\">Was €25.00, now from €20.00. Save €5.00.</span>"
                + "<span aria-hidden=\"true\"><span class=\"price-now\">from €20.00</span> <span class=\"price-was\">Was <s>€25.00</s></span>"
                + " <span class=\"price-saving\">Save €5.00</span></span>");
        assertThat(html).doesNotContain("<del");
    }

    @Test
    void theSearchJsonCarriesTheSameDisplay() {
        JsonPath found = given().queryParam("q", word).get("/api/v1/search").then().statusCode(200).extract().jsonPath();
        String sale = "items.find { it.name == '" + name("Sale") + "' }.price";
        assertThat(found.getString(sale + ".price.amount")).isEqualTo("20.00");
        assertThat(found.getBoolean(sale + ".from")).isTrue();
        assertThat(found.getString(sale + ".was.amount")).isEqualTo("25.00");
        assertThat(found.getBoolean("items.find { it.name == '" + name("Single") + "' }.price.from")).isFalse();
        assertThat(found.getString("items.find { it.name == '" + name("Equal") + "' }.price.was")).isNull();
    }

    @Test
    void theProductPageShowsTheChosenVariantsSale() {
        String slug = slug("Sale");
        String dearer = db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.slug = ? AND v.price_amount = 30", slug);
        assertThat(priceBlock(page("/product/" + slug + "?sku=" + dearer))).isEqualTo(
                "<span class=\"visually-hidden\">Was €40.00, now €30.00. Save €10.00.</span>"
                        + "<span aria-hidden=\"true\"><span class=\"price-now\">€30.00</span> <span class=\"price-was\">Was <s>€40.00</s></span>"
                        + " <span class=\"price-saving\">Save €10.00</span></span>");
        // A chosen variant has one price: no "from" even where the product's prices differ.
        assertThat(priceBlock(page("/product/" + slug("Range")))).isEqualTo("€20.00");
        assertThat(priceBlock(page("/product/" + slug("Equal")))).isEqualTo("€20.00");
    }

    private void product(String kind, String[]... variants) {
        String slug = slug(kind);
        db.update("INSERT INTO catalog.product (slug, name, brand, status, category_id)"
                + " SELECT ?, ?, ?, 'active', id FROM catalog.category WHERE slug = 'jackets'", slug, name(kind), brand());
        for (int i = 0; i < variants.length; i++) {
            db.update("INSERT INTO catalog.variant (product_id, sku, options, price_amount, currency, compare_at_amount, stock_on_hand, position)"
                    + " SELECT id, ?, jsonb_build_object('size', ?::text), ?::numeric, 'EUR', ?::numeric, 10, ? FROM catalog.product WHERE slug = ?",
                    slug.toUpperCase(Locale.ROOT) + "-" + i, "S" + i, variants[i][0], variants[i][1], i, slug);
        }
    }

    private String page(String path) {
        return given().accept("text/html").get(path).then().statusCode(200).extract().asString();
    }

    private String cardPrice(String html, String kind) {
        Matcher card = Pattern.compile("<span class=\"card-name\">" + Pattern.quote(name(kind))
                + "</span>\\s*<span class=\"card-price\">(.*?)</span>\\s*(<span class=\"badge|</a>)", Pattern.DOTALL).matcher(html);
        assertThat(card.find()).as("card of " + name(kind)).isTrue();
        return card.group(1).strip();
    }

    private static String priceBlock(String html) {
        Matcher price = Pattern.compile("<p class=\"price\" id=\"price\">(.*?)</p>", Pattern.DOTALL).matcher(html);
        assertThat(price.find()).as("the product page's price").isTrue();
        return price.group(1).strip();
    }

    private String name(String kind) {
        return kind + " " + word + " jacket";
    }

    private String slug(String kind) {
        return kind.toLowerCase(Locale.ROOT) + "-" + word;
    }

    private String brand() {
        return "Brand " + word;
    }

    /** Letters only, so full-text search keeps it as one word that no seeded product has. */
    private static String randomWord() {
        StringBuilder word = new StringBuilder("zq");
        ThreadLocalRandom.current().ints(10, 'a', 'z' + 1).forEach(c -> word.append((char) c));
        return word.toString();
    }
}
