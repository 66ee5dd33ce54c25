package shop.storefront.checkout.internal.pricing;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import shop.storefront.catalog.Catalog;
import shop.storefront.catalog.SkuView;
import shop.storefront.checkout.Basket;
import shop.storefront.checkout.internal.config.CheckoutConfig;
import shop.storefront.checkout.internal.domain.CartEmpty;
import shop.storefront.platform.InvalidInput;
import shop.storefront.platform.Money;
import shop.storefront.platform.Refused;
import shop.storefront.platform.StorefrontConfig;

/**
 * Prices a basket for a destination and delivery method: catalog prices, shipping by country and weight
 * (free above the threshold), VAT by country. BigDecimal throughout; VAT is rounded once, half up, to the
 * currency's minor unit, on the order as a whole.
 */
@ApplicationScoped
public class Pricing {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private final Catalog catalog;
    private final CheckoutConfig config;
    private final String currency;
    private final Set<String> netPriceCountries;

    Pricing(Catalog catalog, CheckoutConfig config, StorefrontConfig storefront) {
        this.catalog = catalog;
        this.config = config;
        this.currency = storefront.currency();
        this.netPriceCountries = config.pricesExcludeVat().orElse(Set.of());
    }

    /** The delivery methods for this basket and country, cheapest first. */
    public List<ShippingOption> shippingOptions(Basket basket, String country) {
        Goods goods = goods(basket);
        return options(goods, country);
    }

    /** The basket's lines and what its goods cost, before a destination and delivery method are known. */
    public Items items(Basket basket) {
        Goods goods = goods(basket);
        return new Items(goods.lines, money(goods.total));
    }

    /** The full price of the basket; the shipping method must be one of {@link #shippingOptions}. */
    public Quote quote(Basket basket, String country, String shippingMethod) {
        Goods goods = goods(basket);
        ShippingOption shipping = options(goods, country).stream().filter(o -> o.id().equals(shippingMethod)).findFirst()
                .orElseThrow(() -> new InvalidInput("shippingMethod", "Choose one of the delivery options offered."));
        BigDecimal rate = config.vatRates().get(country);
        boolean inclusive = !netPriceCountries.contains(country);
        BigDecimal taxable = goods.total.add(shipping.cost().amount());
        BigDecimal vat;
        BigDecimal total;
        if (inclusive) {
            vat = taxable.multiply(rate).divide(HUNDRED.add(rate), scale(), RoundingMode.HALF_UP);
            total = taxable;
        } else {
            vat = taxable.multiply(rate).divide(HUNDRED, scale(), RoundingMode.HALF_UP);
            total = taxable.add(vat);
        }
        return new Quote(goods.lines, money(goods.total), shipping, country, rate, inclusive, money(vat), money(total), goods.grams);
    }

    private List<ShippingOption> options(Goods goods, String country) {
        List<ShippingOption> options = new ArrayList<>();
        config.shipping().forEach((id, method) -> {
            BigDecimal first = Optional.ofNullable(method.firstKg().get(country)).orElse(method.firstKg().get("default"));
            if (first == null) {
                return; // this method does not deliver there
            }
            BigDecimal cost;
            if (method.freeAboveThreshold() && goods.total.compareTo(config.freeShippingThreshold()) >= 0) {
                cost = BigDecimal.ZERO;
            } else {
                int kilograms = Math.max(1, (goods.grams + 999) / 1000);
                cost = first.add(method.perAdditionalKg().multiply(BigDecimal.valueOf(kilograms - 1L)));
            }
            options.add(new ShippingOption(id, method.label(), money(cost)));
        });
        options.sort(Comparator.comparing((ShippingOption o) -> o.cost().amount()).thenComparing(ShippingOption::id));
        return options;
    }

    private Goods goods(Basket basket) {
        if (basket.isEmpty()) {
            throw new CartEmpty();
        }
        Map<String, SkuView> items = catalog.skus(basket.quantities().keySet());
        List<Quote.Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int grams = 0;
        for (Map.Entry<String, Integer> entry : basket.quantities().entrySet()) {
            SkuView item = items.get(entry.getKey());
            if (item == null) {
                throw new Refused("sku", "An item in your cart (" + entry.getKey() + ") is no longer sold. Please review your cart.");
            }
            if (!item.price().currency().equals(currency)) {
                throw new IllegalStateException("SKU " + item.sku() + " is priced in " + item.price().currency() + ", the store in " + currency);
            }
            int quantity = entry.getValue();
            BigDecimal lineTotal = item.price().amount().multiply(BigDecimal.valueOf(quantity));
            lines.add(new Quote.Line(item.sku(), item.productSlug(), item.productName(), item.label(), item.price(), quantity, money(lineTotal)));
            total = total.add(lineTotal);
            grams += item.weightGrams() * quantity;
        }
        lines.sort(Comparator.comparing(Quote.Line::productName).thenComparing(Quote.Line::label).thenComparing(Quote.Line::sku));
        return new Goods(List.copyOf(lines), total, grams);
    }

    private int scale() {
        return java.util.Currency.getInstance(currency).getDefaultFractionDigits();
    }

    private Money money(BigDecimal amount) {
        return new Money(amount, currency);
    }

    private record Goods(List<Quote.Line> lines, BigDecimal total, int grams) {
    }

    /** A basket's lines, priced, and their sum. */
    public record Items(List<Quote.Line> lines, Money goods) {
    }
}
