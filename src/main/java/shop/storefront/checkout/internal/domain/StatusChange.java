package shop.storefront.checkout.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step in an order's history. */
@Entity
@Table(schema = "orders", name = "status_change")
public class StatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    public CustomerOrder order;

    @Column(nullable = false, length = 16)
    public OrderStatus status;

    @Column(nullable = false, length = 500)
    public String note = "";

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt = Instant.now();

    /** The staff member who made the change (as the audit trail names them); null for the shopper's and the shop's own steps. */
    @Column(name = "changed_by", length = 320)
    public String changedBy;
}
