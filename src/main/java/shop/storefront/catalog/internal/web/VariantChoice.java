package shop.storefront.catalog.internal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import shop.storefront.catalog.ProductDetail;
import shop.storefront.catalog.ProductDetail.Variant;

/**
 * The product page's option controls (one group of choices per option, e.g. size and colour) and which variant they
 * select. A shopper's choice arrives as query parameters named after the options (what the add-to-cart form sends
 * back when that choice cannot be bought), or as {@code ?sku=}; {@code problem} says why a choice cannot be bought.
 */
public record VariantChoice(Variant selected, List<Group> groups, String problem) {

    /** Up to this many left, the stock line says how many. */
    private static final int FEW_LEFT = 5;

    /** One option's choices, e.g. "Size": S, M, L. */
    public record Group(String name, String legend, List<Choice> choices) {
    }

    /**
     * One value of an option. {@code unavailable} is why picking it, with the other options as selected, cannot be
     * bought ("Out of stock", "Not in Black"), null when it can.
     */
    public record Choice(String id, String value, boolean checked, String unavailable) {
    }

    /** No choice to make: a product with one variant (or none) shows none. */
    public boolean single() {
        return groups.isEmpty();
    }

    static VariantChoice of(ProductDetail product, String sku, Function<String, String> query) {
        Variant fallback = product.variants().stream().filter(v -> v.sku().equals(sku)).findFirst()
                .or(() -> product.variants().stream().filter(Variant::inStock).findFirst())
                .orElse(product.variants().isEmpty() ? null : product.variants().getFirst());
        List<String> names = product.variants().size() > 1 ? product.optionNames() : List.of();
        Map<String, String> chosen = new LinkedHashMap<>();
        boolean choosing = false;
        for (String name : names) {
            String value = query.apply(name);
            choosing |= value != null;
            if (value != null && !value.isBlank()) {
                chosen.put(name, value.strip());
            }
        }
        Variant selected = fallback;
        String problem = null;
        if (choosing) {
            Variant match = product.variantWith(chosen).orElse(null);
            if (match == null) {
                problem = chosen.size() == names.size() && knownValues(product, chosen)
                        ? "We do not make " + product.name() + " in " + String.join(" / ", chosen.values())
                                + ". Please choose another combination."
                        : "Please choose a " + String.join(" and a ", names) + " from those shown.";
            } else {
                selected = match;
                if (!match.inStock()) {
                    problem = product.name() + " in " + match.label() + " is out of stock. Please choose another "
                            + String.join(" or ", names) + ".";
                }
            }
        }
        return new VariantChoice(selected, groups(product, names, selected.options()), problem);
    }

    /** The option controls as they stand when these options are chosen, whether or not the product is made so. */
    static List<Group> groups(ProductDetail product, Map<String, String> chosen) {
        return groups(product, product.variants().size() > 1 ? product.optionNames() : List.of(), chosen);
    }

    /** What the stock line says about a variant: plenty, only a few left, or none. */
    public static String stockLine(Variant variant) {
        if (variant.stockOnHand() > FEW_LEFT) {
            return "In stock";
        }
        return variant.inStock() ? "Only " + variant.stockOnHand() + " left" : "Out of stock";
    }

    /** The stock line of the selected variant. */
    public String stock() {
        return stockLine(selected);
    }

    private static boolean knownValues(ProductDetail product, Map<String, String> chosen) {
        return chosen.entrySet().stream().allMatch(c -> product.variants().stream()
                .anyMatch(v -> c.getValue().equals(v.options().get(c.getKey()))));
    }

    /** Every value an option takes among the product's variants, in the variants' order. */
    static Set<String> values(ProductDetail product, String name) {
        Set<String> values = new LinkedHashSet<>();
        product.variants().forEach(v -> {
            if (v.options().containsKey(name)) {
                values.add(v.options().get(name));
            }
        });
        return values;
    }

    private static List<Group> groups(ProductDetail product, List<String> names, Map<String, String> chosen) {
        List<Group> groups = new ArrayList<>();
        for (String name : names) {
            List<Choice> choices = new ArrayList<>();
            int index = 0;
            for (String value : values(product, name)) {
                Map<String, String> combination = new LinkedHashMap<>(chosen);
                combination.put(name, value);
                String unavailable = unavailable(product.variantWith(combination).orElse(null), chosen, name);
                choices.add(new Choice("option-" + names.indexOf(name) + "-" + index++, value,
                        value.equals(chosen.get(name)), unavailable));
            }
            groups.add(new Group(name, legend(name), choices));
        }
        return groups;
    }

    /** Why a value cannot be bought with the other options as selected: sold out, or not made with them. */
    private static String unavailable(Variant variant, Map<String, String> chosen, String option) {
        if (variant == null) {
            List<String> others = chosen.entrySet().stream().filter(e -> !e.getKey().equals(option))
                    .map(Map.Entry::getValue).toList();
            return others.isEmpty() ? "Unavailable" : "Not in " + String.join(" / ", others);
        }
        return variant.inStock() ? null : "Out of stock";
    }

    private static String legend(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
