package shop.storefront.checkout.internal.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import shop.storefront.backoffice.DashboardSection;
import shop.storefront.checkout.internal.service.BackOfficeOrders;
import shop.storefront.checkout.internal.service.OrderFilter;

/**
 * The dashboard's first section: today's orders and revenue, and the orders waiting for staff, each linking to the
 * orders list showing them. "Today" is the UTC day, as every time in the back office is UTC; the labels say so.
 */
@ApplicationScoped
class TodaySection implements DashboardSection {

    private final BackOfficeOrders orders;

    TodaySection(BackOfficeOrders orders) {
        this.orders = orders;
    }

    @Override
    public int position() {
        return 100;
    }

    @Override
    public String heading() {
        return "Today";
    }

    @Override
    public List<Line> lines() {
        BackOfficeOrders.Today today = orders.today();
        String placedToday = OrderFilter.placedOn(today.day()).listPath();
        return List.of(
                new Line("Orders placed today (" + today.day() + ", UTC)", Long.toString(today.placed()), placedToday),
                new Line("Revenue today (UTC; not cancelled or refunded)", today.revenue().display(), placedToday),
                new Line("Awaiting payment", Long.toString(today.awaitingPayment()),
                        OrderFilter.at(OrderFilter.Stage.AWAITING_PAYMENT).listPath()),
                new Line("Awaiting shipping", Long.toString(today.awaitingShipping()),
                        OrderFilter.at(OrderFilter.Stage.AWAITING_SHIPPING).listPath()));
    }
}
