package shop.storefront.catalog;

import java.util.List;

/** A category in the navigation tree. */
public record CategoryNode(String slug, String name, List<CategoryNode> children) {
}
