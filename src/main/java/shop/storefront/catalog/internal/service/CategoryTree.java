package shop.storefront.catalog.internal.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import shop.storefront.catalog.CategoryNode;
import shop.storefront.catalog.CategoryView;

/** All categories (a few hundred at most), loaded once per cache version and navigated in memory. */
public record CategoryTree(List<Row> rows) {

    /** One category as stored. */
    public record Row(long id, String slug, String name, String description, Long parentId, int position) {
    }

    public List<CategoryNode> roots() {
        return childrenOf(null);
    }

    public Optional<Row> bySlug(String slug) {
        return rows.stream().filter(r -> r.slug().equals(slug)).findFirst();
    }

    /** The category and everything below it: a category page lists products of its sub-categories too. */
    public List<Long> selfAndDescendants(long id) {
        List<Long> ids = new ArrayList<>(List.of(id));
        for (int i = 0; i < ids.size(); i++) {
            long parent = ids.get(i);
            rows.stream().filter(r -> r.parentId() != null && r.parentId() == parent).forEach(r -> ids.add(r.id()));
        }
        return ids;
    }

    /** Home › … › the category itself. */
    public List<CategoryView.Crumb> breadcrumb(long id) {
        List<CategoryView.Crumb> trail = new ArrayList<>();
        Optional<Row> current = byId(id);
        while (current.isPresent()) {
            Row row = current.get();
            trail.addFirst(new CategoryView.Crumb(row.name(), "/category/" + row.slug()));
            current = row.parentId() == null ? Optional.empty() : byId(row.parentId());
        }
        trail.addFirst(new CategoryView.Crumb("Home", "/"));
        return trail;
    }

    public List<CategoryNode> childrenOf(Long parentId) {
        return rows.stream()
                .filter(r -> parentId == null ? r.parentId() == null : parentId.equals(r.parentId()))
                .sorted(Comparator.comparingInt(Row::position).thenComparing(Row::name))
                .map(r -> new CategoryNode(r.slug(), r.name(), childrenOf(r.id())))
                .toList();
    }

    private Optional<Row> byId(long id) {
        return rows.stream().filter(r -> r.id() == id).findFirst();
    }
}
