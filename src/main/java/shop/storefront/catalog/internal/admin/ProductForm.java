package shop.storefront.catalog.internal.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import shop.storefront.catalog.internal.domain.Product;
import shop.storefront.platform.FieldText;

/** The product form as typed: every field a string (null when absent), checked by {@link ProductEditor}. */
public record ProductForm(String name, String slug, String description, String brand, String category, String status,
        boolean featured, String metaTitle, String metaDescription) {

    static final int NAME_MAX = 300;
    static final int DESCRIPTION_MAX = 10_000;
    static final int BRAND_MAX = 120;
    static final int META_TITLE_MAX = 70;
    static final int META_DESCRIPTION_MAX = 200;

    /** A new product's form: a draft. */
    public static ProductForm blank() {
        return new ProductForm("", "", "", "", "", "draft", false, "", "");
    }

    static ProductForm of(Product p) {
        return new ProductForm(p.name, p.slug, p.description, p.brand, p.category.slug, p.status.name().toLowerCase(),
                p.featured, p.metaTitle == null ? "" : p.metaTitle, p.metaDescription == null ? "" : p.metaDescription);
    }

    /** Field name → value to show in the form, each cut to its limit so a huge post is not rendered back whole. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", FieldText.echo(name, NAME_MAX));
        values.put("slug", FieldText.echo(slug, Slugs.MAX_LENGTH));
        values.put("description", FieldText.echo(description, DESCRIPTION_MAX));
        values.put("brand", FieldText.echo(brand, BRAND_MAX));
        values.put("category", FieldText.echo(category, 120));
        values.put("status", FieldText.echo(status, 16));
        values.put("featured", featured ? "on" : "");
        values.put("metaTitle", FieldText.echo(metaTitle, META_TITLE_MAX));
        values.put("metaDescription", FieldText.echo(metaDescription, META_DESCRIPTION_MAX));
        return values;
    }
}
