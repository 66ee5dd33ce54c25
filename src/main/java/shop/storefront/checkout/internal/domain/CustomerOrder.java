package shop.storefront.checkout.internal.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import shop.storefront.platform.Money;

/** A placed order: what was bought at which price, where it goes, what was charged, and its history. */
@Entity
@Table(schema = "orders", name = "customer_order")
public class CustomerOrder extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 16)
    public String number;

    @Column(name = "idempotency_key", nullable = false, length = 100)
    public String idempotencyKey;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "placed_by", nullable = false, length = 64)
    public String placedBy;

    @Column(name = "customer_id")
    public UUID customerId;

    /** The client address (limit key) the order was placed from: unpaid orders are limited per client. */
    @Column(name = "placed_from", length = 64)
    public String placedFrom;

    @Column(nullable = false, length = 254)
    public String email;

    @Column(nullable = false, length = 16)
    public OrderStatus status = OrderStatus.PLACED;

    @Column(name = "payment_method", nullable = false, length = 32)
    public String paymentMethod;

    @Column(name = "payment_reference", length = 255)
    public String paymentReference;

    @Column(name = "shipping_method", nullable = false, length = 32)
    public String shippingMethod;

    @Column(name = "shipping_label", nullable = false, length = 200)
    public String shippingLabel;

    @Embedded
    public ShippingAddress shipTo = new ShippingAddress();

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 3)
    public String currency;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal subtotal;

    @Column(name = "shipping_cost", nullable = false, precision = 12, scale = 2)
    public BigDecimal shippingCost;

    @Column(name = "vat_rate", nullable = false, precision = 5, scale = 2)
    public BigDecimal vatRate;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal vat;

    @Column(name = "prices_include_vat", nullable = false)
    public boolean pricesIncludeVat;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal total;

    @Column(name = "placed_at", nullable = false)
    public Instant placedAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt = Instant.now();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<OrderLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("changedAt, id")
    public List<StatusChange> history = new ArrayList<>();

    /** Starts the history with the order as placed; the one step that is not a move from another status. */
    public void recordPlaced(String note) {
        if (status != OrderStatus.PLACED || !history.isEmpty()) {
            throw new IllegalStateException("Order " + number + " was placed already");
        }
        record(OrderStatus.PLACED, note, null);
    }

    /** Refuses unless the order's status allows moving to {@code next} ({@link OrderStatus#canTransitionTo}). */
    public void checkCanMoveTo(OrderStatus next) {
        if (!status.canTransitionTo(next)) {
            throw new WrongOrderStatus(number, status, next);
        }
    }

    /** Moves to a new status the current one allows, and records it in the history. */
    public void moveTo(OrderStatus next, String note) {
        moveTo(next, note, null);
    }

    /** As {@link #moveTo(OrderStatus, String)}, naming the staff member who made the change ({@code by}; null for none). */
    public void moveTo(OrderStatus next, String note, String by) {
        checkCanMoveTo(next);
        record(next, note, by);
    }

    private void record(OrderStatus next, String note, String by) {
        status = next;
        updatedAt = Instant.now();
        StatusChange change = new StatusChange();
        change.order = this;
        change.status = next;
        change.note = note == null ? "" : note;
        change.changedBy = by;
        history.add(change);
    }

    public Money money(BigDecimal amount) {
        return new Money(amount, currency);
    }

    public static Optional<CustomerOrder> findByNumber(String number) {
        return find("number", number).firstResultOptional();
    }

    public static Optional<CustomerOrder> findByIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    /** Row-locked, for status changes that must not race (webhooks, expiry, an admin's click). */
    public static Optional<CustomerOrder> lockByNumber(String number) {
        return find("number", number).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static List<CustomerOrder> ofCustomer(UUID customerId, int limit) {
        return find("customerId = ?1 order by placedAt desc, id desc", customerId).page(0, limit).list();
    }
}
