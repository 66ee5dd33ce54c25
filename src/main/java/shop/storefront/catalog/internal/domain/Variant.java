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
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A SKU: one buyable combination of a product's options. Updates write only the columns that changed: stock moves
 * through conditional SQL updates on every sale, and rewriting it from a loaded copy (when staff change a price)
 * would undo a sale made in between.
 */
@Entity
@DynamicUpdate
@Table(schema = "catalog", name = "variant")
public class Variant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    public Product product;

    @Column(nullable = false, length = 64)
    public String sku;

    /** Option name → value, e.g. size → M, in display order. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, String> options = new LinkedHashMap<>();

    @Column(name = "price_amount", nullable = false, precision = 12, scale = 2)
    public BigDecimal priceAmount;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "compare_at_amount", precision = 12, scale = 2)
    public BigDecimal compareAtAmount;

    @Column(name = "stock_on_hand", nullable = false)
    public int stockOnHand;

    @Column(name = "weight_grams", nullable = false)
    public int weightGrams;

    @Column(nullable = false)
    public int position;

    public static Optional<Variant> findBySku(String sku) {
        return find("from Variant v join fetch v.product where v.sku = ?1", sku).firstResultOptional();
    }
}
