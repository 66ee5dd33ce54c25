package shop.storefront.catalog.internal.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hibernate.exception.ConstraintViolationException;
import shop.storefront.backoffice.AuditTrail;
import shop.storefront.catalog.ProductChanged;
import shop.storefront.catalog.internal.domain.Category;
import shop.storefront.catalog.internal.domain.Product;
import shop.storefront.catalog.internal.domain.ProductStatus;
import shop.storefront.catalog.internal.domain.Variant;
import shop.storefront.platform.FieldText;
import shop.storefront.platform.InvalidFieldException;
import shop.storefront.platform.InvalidFields;
import shop.storefront.platform.NotFound;

/**
 * Staff changes to products: create, edit, archive. Each change is checked field by field (all refusals at once),
 * written to the audit trail in its own transaction, and refreshes the shop's cached pages once committed.
 */
@ApplicationScoped
public class ProductEditor {

    private final AuditTrail audit;
    private final Event<ProductChanged> changes;

    ProductEditor(AuditTrail audit, Event<ProductChanged> changes) {
        this.audit = audit;
        this.changes = changes;
    }

    /** The checked values of a product form. */
    private record Checked(String name, String slug, String description, String brand, Category category,
            ProductStatus status, boolean featured, String metaTitle, String metaDescription) {
    }

    /** Creates the product and returns its id. */
    @Transactional
    public long create(ProductForm form) {
        Checked checked = check(form, null);
        Product product = new Product();
        product.createdAt = Instant.now();
        apply(checked, product);
        product.persist();
        flush("slug");
        audit.record("product.created", product.slug, product.name + " (" + statusName(product.status) + ")");
        changes.fire(new ProductChanged(product.slug, true));
        return product.id;
    }

    @Transactional
    public void update(long id, ProductForm form) {
        Product product = find(id);
        Checked checked = check(form, product);
        String oldSlug = product.slug;
        String changed = changes(product, checked);
        apply(checked, product);
        flush("slug");
        audit.record("product.updated", product.slug, changed.isEmpty() ? "nothing changed" : changed);
        changes.fire(new ProductChanged(product.slug, true));
        if (!oldSlug.equals(product.slug)) {
            changes.fire(new ProductChanged(oldSlug, true));
        }
    }

    /** Takes the product out of the shop at once; it stays in the back office, and in past orders. */
    @Transactional
    public void archive(long id) {
        Product product = find(id);
        if (product.status == ProductStatus.ARCHIVED) {
            return;
        }
        String before = statusName(product.status);
        product.status = ProductStatus.ARCHIVED;
        product.updatedAt = Instant.now();
        audit.record("product.archived", product.slug, "status " + before + " → archived");
        changes.fire(new ProductChanged(product.slug, true));
    }

    static Product find(long id) {
        return Product.<Product>findByIdOptional(id).orElseThrow(() -> new NotFound("There is no product " + id + "."));
    }

    private Checked check(ProductForm form, Product existing) {
        InvalidFields.Collector errors = new InvalidFields.Collector();
        String name = errors.check(() -> FieldText.required("name", "The name", form.name(), ProductForm.NAME_MAX));
        String slug = errors.check(() -> slug(form, name, existing));
        String description = errors.check(() -> FieldText.optionalLines("description", "The description", form.description(),
                ProductForm.DESCRIPTION_MAX));
        String brand = errors.check(() -> FieldText.required("brand", "The brand", form.brand(), ProductForm.BRAND_MAX));
        Category category = errors.check(() -> category(form.category()));
        ProductStatus status = errors.check(() -> status(form.status(), existing));
        String metaTitle = errors.check(() -> FieldText.optional("metaTitle", "The meta title", form.metaTitle(),
                ProductForm.META_TITLE_MAX));
        String metaDescription = errors.check(() -> FieldText.optional("metaDescription", "The meta description",
                form.metaDescription(), ProductForm.META_DESCRIPTION_MAX));
        errors.throwIfAny();
        return new Checked(name, slug, description, brand, category, status, form.featured(), emptyAsNull(metaTitle),
                emptyAsNull(metaDescription));
    }

    /** A typed slug must be free; none typed takes the name's, numbered when another product has it. */
    private static String slug(ProductForm form, String name, Product existing) {
        Long ownId = existing == null ? -1L : existing.id;
        if (form.slug() != null && !form.slug().isBlank()) {
            String slug = Slugs.typed("slug", form.slug());
            if (Product.count("slug = ?1 and id <> ?2", slug, ownId) > 0) {
                throw new InvalidFieldException("slug", "Another product already uses the address /product/" + slug + ". Choose another slug.");
            }
            return slug;
        }
        String suggested = name == null ? "" : Slugs.fromName(name);
        if (suggested.isEmpty()) {
            throw new InvalidFieldException("slug", "Type a slug: the name has no letters or digits to make one from.");
        }
        String slug = suggested;
        for (int n = 2; Product.count("slug = ?1 and id <> ?2", slug, ownId) > 0; n++) {
            String suffix = "-" + n;
            slug = suggested.substring(0, Math.min(suggested.length(), Slugs.MAX_LENGTH - suffix.length())) + suffix;
        }
        return slug;
    }

    private static Category category(String slug) {
        if (slug == null || slug.isBlank()) {
            throw new InvalidFieldException("category", "Choose a category.");
        }
        return Category.<Category>find("slug", slug.strip()).firstResultOptional()
                .orElseThrow(() -> new InvalidFieldException("category", "Choose one of the listed categories."));
    }

    /** Shoppers could open an active product without a SKU but never buy it. */
    private static ProductStatus status(String value, Product existing) {
        ProductStatus status = parseStatus(value)
                .orElseThrow(() -> new InvalidFieldException("status", "Choose draft, active or archived."));
        if (status == ProductStatus.ACTIVE && (existing == null || Variant.count("product.id", existing.id) == 0)) {
            throw new InvalidFieldException("status", "Add at least one SKU before making the product active.");
        }
        return status;
    }

    static java.util.Optional<ProductStatus> parseStatus(String value) {
        return java.util.Arrays.stream(ProductStatus.values()).filter(s -> statusName(s).equals(value)).findFirst();
    }

    static String statusName(ProductStatus status) {
        return status.name().toLowerCase();
    }

    private static void apply(Checked checked, Product product) {
        product.name = checked.name();
        product.slug = checked.slug();
        product.description = checked.description();
        product.brand = checked.brand();
        product.category = checked.category();
        product.status = checked.status();
        product.featured = checked.featured();
        product.metaTitle = checked.metaTitle();
        product.metaDescription = checked.metaDescription();
        product.updatedAt = Instant.now();
    }

    /** What an edit changes, for the audit trail: the status in full, other fields by name. */
    private static String changes(Product p, Checked c) {
        List<String> changed = new ArrayList<>();
        if (p.status != c.status()) {
            changed.add("status " + statusName(p.status) + " → " + statusName(c.status()));
        }
        if (!p.slug.equals(c.slug())) {
            changed.add("slug " + p.slug + " → " + c.slug());
        }
        addIfChanged(changed, "name", p.name, c.name());
        addIfChanged(changed, "description", p.description, c.description());
        addIfChanged(changed, "brand", p.brand, c.brand());
        addIfChanged(changed, "category", p.category.slug, c.category().slug);
        addIfChanged(changed, "featured", p.featured, c.featured());
        addIfChanged(changed, "meta title", p.metaTitle, c.metaTitle());
        addIfChanged(changed, "meta description", p.metaDescription, c.metaDescription());
        return String.join("; ", changed);
    }

    private static void addIfChanged(List<String> changed, String label, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(label);
        }
    }

    private static String emptyAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /**
     * Writes now, so that a unique value taken by someone else since it was checked is refused as that field's error
     * instead of failing the commit.
     */
    static void flush(String field) {
        try {
            Product.flush();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw new InvalidFieldException(field, "Someone else just took this value. Choose another.");
            }
            throw e;
        }
    }
}
