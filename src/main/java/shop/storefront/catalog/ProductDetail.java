package shop.storefront.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import shop.storefront.platform.Money;

/**
 * Everything the product page and API show about one active product. {@code metaTitle} and {@code metaDescription}
 * are what staff chose for search engines, null when they chose nothing.
 */
public record ProductDetail(String slug, String name, String description, String brand, String categorySlug,
        List<CategoryView.Crumb> breadcrumb, List<Variant> variants, List<ProductSummary.Image> images,
        Instant createdAt, Instant updatedAt, String metaTitle, String metaDescription) {

    /** The variant option that pictures can belong to (a picture of the White ones, of the Black ones). */
    public static final String COLOUR_OPTION = "colour";

    /**
     * The pictures to show with a variant: those of its colour first, then those of the product as a whole; every
     * picture when none of them fits (a colour nobody photographed yet).
     */
    public List<ProductSummary.Image> imagesFor(Variant variant) {
        return imagesForColour(variant == null ? null : variant.options().get(COLOUR_OPTION));
    }

    /** The pictures to show with a colour, as {@link #imagesFor(Variant)}; every picture for a null colour. */
    public List<ProductSummary.Image> imagesForColour(String colour) {
        if (colour == null) {
            return images;
        }
        String wanted = colour.toLowerCase(Locale.ROOT);
        List<ProductSummary.Image> shown = new ArrayList<>(images.stream()
                .filter(i -> i.colour() != null && i.colour().toLowerCase(Locale.ROOT).equals(wanted)).toList());
        images.stream().filter(i -> i.colour() == null).forEach(shown::add);
        return shown.isEmpty() ? images : shown;
    }

    /** The names of the options shoppers choose between (size, colour), in the order the variants first name them. */
    public List<String> optionNames() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        variants.forEach(v -> names.addAll(v.options().keySet()));
        return List.copyOf(names);
    }

    /** The variant with exactly these option values (one per option name), if the product is made that way. */
    public Optional<Variant> variantWith(Map<String, String> chosen) {
        return variants.stream().filter(v -> v.options().equals(chosen)).findFirst();
    }

    public String path() {
        return "/product/" + slug;
    }

    /** The page's title: the one staff chose, otherwise name and brand. */
    public String pageTitle() {
        return metaTitle != null ? metaTitle : name + " by " + brand;
    }

    /** The page's description for search engines: the one staff chose, otherwise the product's description. */
    public String pageDescription() {
        return metaDescription != null ? metaDescription : description;
    }

    /** One SKU: its options (e.g. size → M), prices and stock. */
    public record Variant(String sku, Map<String, String> options, Money price, Money compareAtPrice, int stockOnHand, int weightGrams) {

        public boolean inStock() {
            return stockOnHand > 0;
        }

        /** "M / Red", or the SKU when the product has no options. */
        public String label() {
            return options.isEmpty() ? sku : String.join(" / ", options.values());
        }

        /** Its price as shoppers see it, with the old price when it is on sale. */
        @JsonIgnore
        public PriceDisplay priceDisplay() {
            return PriceDisplay.of(price, compareAtPrice);
        }

        @JsonIgnore
        public boolean onSale() {
            return priceDisplay().onSale();
        }
    }
}
