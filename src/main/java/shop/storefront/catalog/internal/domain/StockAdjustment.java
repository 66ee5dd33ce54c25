package shop.storefront.catalog.internal.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A change of a SKU's stock made by staff, with the reason and who made it; written once, never changed. */
@Entity
@Table(schema = "catalog", name = "stock_adjustment")
public class StockAdjustment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "variant_id", nullable = false, updatable = false)
    public Long variantId;

    @Column(nullable = false, updatable = false)
    public int delta;

    /** One of {@code StockReason}'s codes, e.g. {@code delivery}. */
    @Column(nullable = false, updatable = false, length = 32)
    public String reason;

    @Column(nullable = false, updatable = false, length = 500)
    public String note;

    @Column(name = "stock_after", nullable = false, updatable = false)
    public int stockAfter;

    @Column(name = "actor_id", nullable = false, updatable = false, length = 64)
    public String actorId;

    @Column(nullable = false, updatable = false, length = 320)
    public String actor;

    @Column(nullable = false, updatable = false)
    public Instant at;
}
