package shop.storefront.catalog.internal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import org.jboss.logging.Logger;
import shop.storefront.catalog.Catalog;
import shop.storefront.catalog.CategoryNode;

/** The header's category menu, read by the shared layout as {@code inject:navigation}. */
@Named("navigation")
@ApplicationScoped
public class Navigation {

    private static final Logger LOG = Logger.getLogger(Navigation.class);

    private final Catalog catalog;

    Navigation(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Top-level categories; empty rather than failing, so error pages still render when the database is down. */
    public List<CategoryNode> topCategories() {
        try {
            return catalog.categoryTree();
        } catch (RuntimeException e) {
            LOG.debugf("Navigation unavailable: %s", e.getMessage());
            return List.of();
        }
    }
}
