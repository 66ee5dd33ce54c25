package shop.storefront.catalog.internal.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Entity
@Table(schema = "catalog", name = "product")
public class Product extends PanacheEntityBase {

    private static final String ACTIVE_WITH_VARIANTS =
            "from Product p join fetch p.category left join fetch p.variants where p.slug = ?1 and p.status = ?2";


    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 200)
    public String slug;

    @Column(nullable = false, length = 300)
    public String name;

    @Column(nullable = false, columnDefinition = "text")
    public String description;

    @Column(nullable = false, length = 120)
    public String brand;

    @Column(nullable = false, length = 16)
    public ProductStatus status;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id")
    public Category category;

    @Column(nullable = false)
    public boolean featured;

    /** The page title search engines show; null for the default (name and brand). */
    @Column(name = "meta_title", length = 70)
    public String metaTitle;

    /** The snippet search engines show; null for the default (the description). */
    @Column(name = "meta_description", length = 200)
    public String metaDescription;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Maintained by the database from the variants; read-only here. */
    @Column(name = "min_price_amount", precision = 12, scale = 2, insertable = false, updatable = false)
    public BigDecimal minPriceAmount;

    @OneToMany(mappedBy = "product")
    @OrderBy("position, id")
    public List<Variant> variants = new ArrayList<>();

    @OneToMany(mappedBy = "product")
    @OrderBy("position, id")
    public List<ProductImage> images = new ArrayList<>();

    public static Optional<Product> findActiveWithVariants(String slug) {
        return find(ACTIVE_WITH_VARIANTS, slug, ProductStatus.ACTIVE).singleResultOptional();
    }

    /** The same read through another persistence context, e.g. a session on the read replica. */
    public static Optional<Product> findActiveWithVariants(jakarta.persistence.EntityManager em, String slug) {
        return em.createQuery(ACTIVE_WITH_VARIANTS, Product.class).setParameter(1, slug).setParameter(2, ProductStatus.ACTIVE)
                .getResultStream().findFirst();
    }

}
