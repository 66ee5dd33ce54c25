package shop.storefront.catalog;

import java.util.List;

/** A category page's own data: where it sits and what is below it. */
public record CategoryView(String slug, String name, String description, List<Crumb> breadcrumb, List<CategoryNode> children) {

    /** One step of a breadcrumb trail; {@code path} is site-relative. */
    public record Crumb(String name, String path) {
    }
}
