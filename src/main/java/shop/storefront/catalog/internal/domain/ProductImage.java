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
import jakarta.persistence.Table;

/** Where a product image is stored (object key) and how to describe it; the bytes live elsewhere. */
@Entity
@Table(schema = "catalog", name = "product_image")
public class ProductImage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    public Product product;

    @Column(name = "storage_key", nullable = false, length = 500)
    public String storageKey;

    @Column(name = "alt_text", nullable = false, length = 300)
    public String altText;

    @Column(nullable = false)
    public int position;
}
