package shop.storefront.catalog.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import shop.storefront.catalog.internal.ReadReplicaConfig;

/**
 * Which of the {@link CatalogCache}'s version keys a rendered catalog page depends on, so that a page kept in memory
 * is used only while none of them has moved: every page shows the category navigation and listings (the epoch and the
 * listings scope), a product page its product too. Reading them is one MGET of the {@link #keys} in that order.
 */
@ApplicationScoped
public class PageVersions {

    private final boolean replica;

    PageVersions(ReadReplicaConfig replica) {
        this.replica = !replica.effectiveLag().isZero();
    }

    /** The keys to read for a page; {@code productSlug} null for pages that show no single product. */
    public List<String> keys(String productSlug) {
        List<String> scopes = new ArrayList<>(List.of(CatalogCache.EPOCH, CatalogService.LISTINGS));
        if (productSlug != null) {
            scopes.add(CatalogService.productScope(productSlug));
        }
        List<String> keys = new ArrayList<>(scopes.stream().map(CatalogCache::versionKey).toList());
        if (replica) {
            keys.addAll(scopes.stream().map(CatalogCache::changedKey).toList());
        }
        return keys;
    }

    /**
     * The version tag of a page from the values read for {@link #keys} (in that order), or null where a page rendered
     * now must not be kept: with a read replica, a scope that changed within the replica's lag may still be read old.
     */
    public String tag(List<String> values) {
        int versions = replica ? values.size() / 2 : values.size();
        for (int i = versions; i < values.size(); i++) {
            if (values.get(i) != null) {
                return null;
            }
        }
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < versions; i++) {
            tag.append(i == 0 ? "" : ".").append(Objects.requireNonNullElse(values.get(i), "0"));
        }
        return tag.toString();
    }
}
