package shop.storefront.catalog.internal.admin;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import shop.storefront.catalog.internal.domain.Variant;
import shop.storefront.platform.FieldText;

/**
 * A SKU's form as typed. Its options are the two the catalog's listings filter by, named as the demo catalog names
 * them: {@code size} and {@code colour}.
 */
public record VariantForm(String sku, String size, String colour, String price, String compareAt, String weight) {

    static final int SKU_MAX = 64;
    static final int OPTION_MAX = 60;

    public static VariantForm blank() {
        return new VariantForm("", "", "", "", "", "0");
    }

    static VariantForm of(Variant v) {
        return new VariantForm(v.sku, v.options.getOrDefault("size", ""), v.options.getOrDefault("colour", ""),
                plain(v.priceAmount), plain(v.compareAtAmount), Integer.toString(v.weightGrams));
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    /** Field name → value to show in the form, each cut to a sane length. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("sku", FieldText.echo(sku, SKU_MAX));
        values.put("size", FieldText.echo(size, OPTION_MAX));
        values.put("colour", FieldText.echo(colour, OPTION_MAX));
        values.put("price", FieldText.echo(price, 20));
        values.put("compareAt", FieldText.echo(compareAt, 20));
        values.put("weight", FieldText.echo(weight, 20));
        return values;
    }
}
