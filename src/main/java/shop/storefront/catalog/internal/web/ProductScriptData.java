package shop.storefront.catalog.internal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import shop.storefront.catalog.PriceDisplay;
import shop.storefront.catalog.ProductDetail;
import shop.storefront.catalog.ProductDetail.Variant;
import shop.storefront.catalog.ProductSummary;

/**
 * What the product page's script (js/product.js) shows for each combination of options a shopper can pick, worked
 * out here so that the script only looks it up: the price as the page's own price tag renders it, the stock line,
 * the SKU, why each option cannot be bought with the others, why the combination cannot be bought, and the picture
 * of its colour. Embedded in the page as a JSON data block ({@link ScriptJson}), so no request and no inline script.
 */
@ApplicationScoped
public class ProductScriptData {

    /**
     * Beyond this many combinations only the variants made are listed (a combination not listed is one not made): a
     * product with many options would otherwise make the page heavy.
     */
    static final int MAX_COMBINATIONS = 400;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance price(PriceDisplay shown);
    }

    /** All the script needs: the option names (the radios' names) and one state per combination. */
    public record Data(List<String> options, List<State> states, List<Picture> pictures) {
    }

    /**
     * One combination of option values. {@code sku}, {@code priceHtml} and {@code stock} are null when the product is
     * not made so; {@code unavailable} says why it cannot be bought (null when it can); {@code notes} are the option
     * notes by radio id ("Out of stock", "Not in S"); {@code picture} indexes {@code pictures}, null without any.
     */
    public record State(Map<String, String> options, String sku, String priceHtml, String stock, String unavailable,
            Map<String, String> notes, Integer picture) {
    }

    /** The first gallery picture as the picture tag writes it. */
    public record Picture(String src, String srcset, String webpSrcset, String alt, int width, int height) {
    }

    private final ObjectMapper json;

    ProductScriptData(ObjectMapper json) {
        this.json = json;
    }

    /** The data as the text of a {@code <script type="application/json">} element. */
    public RawString script(ProductDetail product) {
        return script(product, shown -> Templates.price(shown).render().strip());
    }

    /** The data with prices as {@code priceHtml} writes them. */
    RawString script(ProductDetail product, Function<PriceDisplay, String> priceHtml) {
        return ScriptJson.of(json, of(product, priceHtml));
    }

    static Data of(ProductDetail product, Function<PriceDisplay, String> priceHtml) {
        List<String> names = product.variants().size() > 1 ? product.optionNames() : List.of();
        List<Picture> pictures = new ArrayList<>();
        List<State> states = combinations(product, names).stream()
                .map(combination -> state(product, combination, priceHtml, pictures)).toList();
        return new Data(names, states, pictures);
    }

    private static List<Map<String, String>> combinations(ProductDetail product, List<String> names) {
        List<Map<String, String>> combinations = new ArrayList<>(List.of(Map.of()));
        for (String name : names) {
            List<Map<String, String>> longer = new ArrayList<>();
            for (Map<String, String> shorter : combinations) {
                for (String value : VariantChoice.values(product, name)) {
                    Map<String, String> combination = new LinkedHashMap<>(shorter);
                    combination.put(name, value);
                    longer.add(combination);
                }
            }
            combinations = longer;
            if (combinations.size() > MAX_COMBINATIONS) {
                return product.variants().stream().map(Variant::options).toList();
            }
        }
        return names.isEmpty() ? List.of() : combinations;
    }

    private static State state(ProductDetail product, Map<String, String> combination,
            Function<PriceDisplay, String> priceHtml, List<Picture> pictures) {
        Variant variant = product.variantWith(combination).orElse(null);
        Map<String, String> notes = new LinkedHashMap<>();
        VariantChoice.groups(product, combination).forEach(group -> group.choices().forEach(choice -> {
            if (choice.unavailable() != null) {
                notes.put(choice.id(), choice.unavailable());
            }
        }));
        Integer picture = picture(product, combination, pictures);
        if (variant == null) {
            return new State(combination, null, null, null,
                    "Not made in " + String.join(" / ", combination.values()), notes, picture);
        }
        return new State(combination, variant.sku(), priceHtml.apply(variant.priceDisplay()),
                VariantChoice.stockLine(variant), variant.inStock() ? null : "Out of stock", notes, picture);
    }

    private static Integer picture(ProductDetail product, Map<String, String> combination, List<Picture> pictures) {
        List<ProductSummary.Image> images = product.imagesForColour(combination.get(ProductDetail.COLOUR_OPTION));
        if (images.isEmpty()) {
            return null;
        }
        ProductSummary.Image first = images.getFirst();
        Picture picture = new Picture(first.url(), first.srcset(), first.webpSrcset(), first.alt(), first.width(),
                first.height());
        int index = pictures.indexOf(picture);
        if (index < 0) {
            pictures.add(picture);
            index = pictures.size() - 1;
        }
        return index;
    }
}
