package shop.storefront.checkout.internal.web;

import java.math.BigDecimal;
import java.util.List;
import shop.storefront.checkout.internal.pricing.Pricing;
import shop.storefront.checkout.internal.pricing.Quote;
import shop.storefront.checkout.internal.pricing.ShippingOption;
import shop.storefront.platform.Money;

/**
 * What the order costs so far, as every checkout step shows it beside its form: the items, the delivery once it is
 * chosen (null before), and the total with it.
 */
public record StepSummary(List<Quote.Line> lines, Money goods, ShippingOption delivery, boolean pricesIncludeVat,
        BigDecimal vatRate, Money vat, Money total) {

    static StepSummary beforeDelivery(Pricing.Items items) {
        return new StepSummary(items.lines(), items.goods(), null, true, null, null, items.goods());
    }

    static StepSummary of(Quote quote) {
        return new StepSummary(quote.lines(), quote.goods(), quote.shipping(), quote.pricesIncludeVat(), quote.vatRate(),
                quote.vat(), quote.total());
    }

    public int itemCount() {
        return lines.stream().mapToInt(Quote.Line::quantity).sum();
    }
}
