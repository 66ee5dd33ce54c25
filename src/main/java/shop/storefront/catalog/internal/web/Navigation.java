package shop.storefront.catalog.internal.web;

import io.vertx.core.Context;
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
    /** Last menu read, for pages rendered where blocking I/O is not allowed (framework error pages). */
    private volatile List<CategoryNode> lastKnown = List.of();

    Navigation(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Top-level categories; never fails, so error pages render even when Redis or the database is down. */
    public List<CategoryNode> topCategories() {
        if (Context.isOnEventLoopThread()) {
            return lastKnown;
        }
        try {
            lastKnown = catalog.categoryTree();
        } catch (RuntimeException e) {
            LOG.debugf("Navigation unavailable: %s", e.getMessage());
        }
        return lastKnown;
    }
}
