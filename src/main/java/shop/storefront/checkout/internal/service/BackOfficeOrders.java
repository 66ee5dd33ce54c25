package shop.storefront.checkout.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.storefront.checkout.internal.domain.CustomerOrder;
import shop.storefront.checkout.internal.domain.OrderStatus;
import shop.storefront.checkout.internal.payment.PaymentMethods;
import shop.storefront.checkout.internal.payment.PaymentProvider;
import shop.storefront.platform.LikePattern;
import shop.storefront.platform.Money;
import shop.storefront.platform.StorefrontConfig;

/** Orders as staff read them: the filtered list, one order with its full history, and today's figures. */
@ApplicationScoped
public class BackOfficeOrders {

    public static final int PAGE_SIZE = 50;

    private final EntityManager em;
    private final PaymentMethods payments;
    private final StaffOrderActions actions;
    private final Orders orders;
    private final String currency;

    BackOfficeOrders(EntityManager em, PaymentMethods payments, StaffOrderActions actions, Orders orders, StorefrontConfig config) {
        this.em = em;
        this.payments = payments;
        this.actions = actions;
        this.orders = orders;
        this.currency = config.currency();
    }

    /** One row of the orders list. */
    public record Row(String number, Instant placedAt, String email, long items, Money total, String status, String statusLabel,
            String paymentMethod) {
        public String path() {
            return "/admin/orders/" + number;
        }
    }

    /** A page of the list: {@code total} orders match the filter in all. */
    public record Page(List<Row> rows, long total, int page) {
        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return (long) page * PAGE_SIZE < total;
        }
    }

    /** An order as staff see it: the shopper's view plus who did what, the payment reference and what may be done now. */
    public record Detail(OrderView order, List<Step> history, String paymentReference, String customerId,
            List<StaffOrderActions.Action> actions, boolean refundsThroughProvider) {

        /** How a refund goes, said next to its button. */
        public String refundPlan() {
            return refundsThroughProvider ? order.total().display() + " goes back through " + order.paymentMethod() + "."
                    : order.paymentMethod() + " is paid outside the shop: the refund of " + order.total().display()
                            + " is recorded here, and someone pays it back by hand.";
        }

        /** What a refund did, said after it. */
        public String refundDone() {
            return refundsThroughProvider ? order.total().display() + " went back through " + order.paymentMethod() + "."
                    : "The refund of " + order.total().display() + " is recorded. " + order.paymentMethod()
                            + " is paid outside the shop: pay it back by hand.";
        }

        public String customerPath() {
            return customerId == null ? null : "/admin/customers/" + customerId;
        }
    }

    /** A history step with the staff member who made it (empty for the shopper's and the shop's own steps). */
    public record Step(String statusLabel, Instant at, String note, String by) {
    }

    /** Today's figures (the UTC day): orders placed, their revenue, and the work waiting. */
    public record Today(LocalDate day, long placed, Money revenue, long awaitingPayment, long awaitingShipping) {
    }

    @Transactional
    public Page list(OrderFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        TypedQuery<Object[]> query = em.createQuery("select o.number, o.placedAt, o.email,"
                + " (select coalesce(sum(l.quantity), 0) from OrderLine l where l.order = o), o.total, o.currency, o.status,"
                + " o.paymentMethod from CustomerOrder o where " + where + " order by o.placedAt desc, o.id desc", Object[].class);
        params.forEach(query::setParameter);
        List<Row> rows = query.setFirstResult((filter.page() - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList()
                .stream().map(this::row).toList();
        return new Page(rows, count(filter), filter.page());
    }

    @Transactional
    public Optional<Detail> detail(String number) {
        return CustomerOrder.findByNumber(number).map(o -> new Detail(orders.view(o),
                o.history.stream().map(h -> new Step(h.status.label(), h.changedAt, h.note, h.changedBy)).toList(),
                o.paymentReference, o.customerId == null ? null : o.customerId.toString(), actions.available(o),
                payments.find(o.paymentMethod).map(PaymentProvider::refundsItself).orElse(false)));
    }

    @Transactional
    public Today today() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        BigDecimal revenue = em.createQuery("select coalesce(sum(o.total), 0) from CustomerOrder o where o.placedAt >= :start"
                        + " and o.placedAt < :end and o.status not in :over and o.currency = :currency", BigDecimal.class)
                .setParameter("start", start).setParameter("end", end)
                .setParameter("over", List.of(OrderStatus.CANCELLED, OrderStatus.REFUNDED)).setParameter("currency", currency)
                .getSingleResult();
        return new Today(day, count(OrderFilter.placedOn(day)), new Money(revenue, currency),
                count(OrderFilter.at(OrderFilter.Stage.AWAITING_PAYMENT)), count(OrderFilter.at(OrderFilter.Stage.AWAITING_SHIPPING)));
    }

    private long count(OrderFilter filter) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Long> query = em.createQuery("select count(o) from CustomerOrder o where " + where(filter, params), Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** The filter as an HQL condition on {@code o}, its values added to {@code params} (never written into the text). */
    private String where(OrderFilter filter, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("1 = 1");
        if (filter.stage() != null) {
            conditions.add(stageCondition(filter.stage(), params));
        }
        if (filter.from() != null) {
            conditions.add("o.placedAt >= :from");
            params.put("from", filter.from().atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (filter.to() != null) {
            conditions.add("o.placedAt < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (filter.search() != null) {
            conditions.add("(lower(o.number) like :search " + LikePattern.ESCAPE_CLAUSE + " or lower(o.email) like :search "
                    + LikePattern.ESCAPE_CLAUSE + ")");
            params.put("search", LikePattern.containing(filter.search()));
        }
        return String.join(" and ", conditions);
    }

    private String stageCondition(OrderFilter.Stage stage, Map<String, Object> params) {
        Optional<OrderStatus> status = stage.status();
        if (status.isPresent()) {
            params.put("status", status.get());
            return "o.status = :status";
        }
        params.put("placed", OrderStatus.PLACED);
        params.put("windowed", withPaymentWindow());
        if (stage == OrderFilter.Stage.AWAITING_PAYMENT) {
            return "(o.status = :placed and o.paymentMethod in :windowed)";
        }
        params.put("paid", OrderStatus.PAID);
        return "(o.status = :paid or (o.status = :placed and o.paymentMethod not in :windowed))";
    }

    /**
     * The methods whose orders wait for their payment before shipping (the rule {@link Orders#mayShip} applies); never
     * empty, as an empty IN list is not valid SQL.
     */
    private List<String> withPaymentWindow() {
        List<String> ids = new ArrayList<>(payments.offered().stream().filter(p -> p.paymentWindow().isPresent())
                .map(PaymentProvider::id).toList());
        if (ids.isEmpty()) {
            ids.add("");
        }
        return ids;
    }

    private Row row(Object[] r) {
        OrderStatus status = (OrderStatus) r[6];
        String method = (String) r[7];
        return new Row((String) r[0], (Instant) r[1], (String) r[2], ((Number) r[3]).longValue(),
                new Money((BigDecimal) r[4], (String) r[5]), status.code(), status.label(),
                payments.find(method).map(PaymentProvider::label).orElse(method));
    }
}
