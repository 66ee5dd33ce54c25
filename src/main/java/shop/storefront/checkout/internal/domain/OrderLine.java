package shop.storefront.checkout.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One SKU of an order at the price paid. */
@Entity
@Table(schema = "orders", name = "order_line")
public class OrderLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    public CustomerOrder order;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false, length = 64)
    public String sku;

    @Column(name = "product_slug", nullable = false, length = 160)
    public String productSlug;

    @Column(name = "product_name", nullable = false, length = 300)
    public String productName;

    @Column(nullable = false, length = 300)
    public String label = "";

    @Column(name = "unit_price", nullable = false, precision = 12, scale = 2)
    public BigDecimal unitPrice;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "line_total", nullable = false, precision = 12, scale = 2)
    public BigDecimal lineTotal;
}
