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
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One picture of a product, optionally of one colour (a value of the variants' colour option): where its original
 * is stored (object key), how to describe it, its size in pixels and whether its thumbnails exist yet.
 */
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

    /** The colour this picture shows, as the variants spell it; null for a picture of the product as a whole. */
    @Column(length = 60)
    public String colour;

    @Column(nullable = false)
    public int width;

    @Column(nullable = false)
    public int height;

    @Column(name = "content_type", nullable = false, length = 20)
    public String contentType;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "content_hash", nullable = false, length = 64)
    public String contentHash;

    @Column(name = "thumbnails_ready", nullable = false)
    public boolean thumbnailsReady;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
