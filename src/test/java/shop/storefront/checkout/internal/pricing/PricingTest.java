package shop.storefront.checkout.internal.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shop.storefront.catalog.Catalog;
import shop.storefront.catalog.SkuView;
import shop.storefront.checkout.Basket;
import shop.storefront.checkout.internal.config.CheckoutConfig;
import shop.storefront.platform.ConfigStub;
import shop.storefront.platform.Money;
import shop.storefront.platform.StorefrontConfig;

/**
 * The pricing rules on a small, made-up tariff, so every expectation can be worked out by hand:
 * <ul>
 * <li>standard: first kg 6.90 (DE 4.90), each further started kg 1.00, free from 50.00 of goods;</li>
 * <li>express: first kg 19.90 (DE 9.90), each further started kg 2.50, never free;</li>
 * <li>pickup: free, in DE and NO only;</li>
 * <li>VAT DE 19, FR 20, FI 25.5, NO 25 (percent); catalog prices include VAT except in NO.</li>
 * </ul>
 */
class PricingTest {

    private static final String EUR = "EUR";

    private final Map<String, SkuView> catalogItems = new LinkedHashMap<>();
    private final Pricing pricing = new Pricing(catalog(), checkoutConfig(),
            ConfigStub.of(StorefrontConfig.class, Map.of("currency", EUR)));

    /** Shipping: the first kilogram's price for the country, plus each further started kilogram. */
    @ParameterizedTest(name = "{0} g to {1} by {2}: {3}")
    @CsvSource({
            // grams, country, method, cost
            "0,    DE, standard, 4.90", // nothing weighs less than the first kilogram
            "1,    DE, standard, 4.90",
            "1000, DE, standard, 4.90",
            "1001, DE, standard, 5.90",
            "2000, DE, standard, 5.90",
            "2001, DE, standard, 6.90",
            "1,    FR, standard, 6.90", // no price for FR: the default
            "2500, FR, standard, 8.90",
            "1000, DE, express,  9.90",
            "3000, DE, express,  14.90",
            "3001, FR, express,  27.40",
            "9999, DE, pickup,   0.00"})
    void shippingCostsTheFirstKilogramForTheCountryPlusEachFurtherStartedKilogram(int grams, String country,
            String method, String cost) {
        Basket basket = basketOf(item("A-1", "Lamp", "10.00", grams), 1);

        assertThat(pricing.quote(basket, country, method).shipping().cost()).isEqualTo(Money.of(cost, EUR));
    }

    @Test
    void theWeightIsEveryUnitOfEveryLine() {
        // 3 × 400 g + 2 × 300 g = 1800 g: two started kilograms.
        Basket basket = basketOf(Map.of(item("A-1", "Lamp", "5.00", 400), 3, item("B-1", "Bulb", "2.00", 300), 2));

        Quote quote = pricing.quote(basket, "DE", "standard");

        assertThat(quote.weightGrams()).isEqualTo(1800);
        assertThat(quote.shipping().cost()).isEqualTo(Money.of("5.90", EUR));
    }

    /** The threshold compares the goods alone (before shipping), and only methods that allow it become free. */
    @ParameterizedTest(name = "goods {0} by {1}: shipping {2}")
    @CsvSource({
            "49.99, standard, 4.90",
            "50.00, standard, 0.00",
            "50.01, standard, 0.00",
            "49.99, express,  9.90",
            "500.00, express, 9.90"})
    void standardShippingIsFreeFromTheThresholdExpressNever(String goods, String method, String cost) {
        Basket basket = basketOf(item("A-1", "Lamp", goods, 500), 1);

        assertThat(pricing.quote(basket, "DE", method).shipping().cost()).isEqualTo(Money.of(cost, EUR));
    }

    /**
     * Inclusive: the total is goods plus shipping, and contains VAT of total × rate / (100 + rate). Exclusive: VAT of
     * (goods + shipping) × rate / 100 is added. Both rounded half up to cents.
     */
    @ParameterizedTest(name = "{0} × {1} to {2}: VAT {4}, total {5}")
    @CsvSource({
            // unit price, quantity, country, shipping (standard), VAT, total, VAT included
            "10.00, 1, DE, 4.90, 2.38,  14.90, true", // 14.90 × 19 / 119 = 2.3789…
            "20.00, 1, FR, 6.90, 4.48,  26.90, true", // 26.90 × 20 / 120 = 4.4833…
            "12.50, 4, DE, 0.00, 7.98,  50.00, true", // free shipping: 50.00 × 19 / 119 = 7.9831…
            "10.00, 1, FI, 6.90, 3.43,  16.90, true", // 16.90 × 25.5 / 125.5 = 3.4338…
            "40.00, 1, NO, 6.90, 11.73, 58.63, false", // 46.90 × 25 / 100 = 11.725, half up
            "50.00, 2, NO, 0.00, 25.00, 125.00, false"})
    void vatIsContainedInTheTotalOrAddedToIt(String unitPrice, int quantity, String country, String shipping,
            String vat, String total, boolean included) {
        Basket basket = basketOf(item("A-1", "Lamp", unitPrice, 900), quantity);

        Quote quote = pricing.quote(basket, country, "standard");

        assertThat(quote.shipping().cost()).isEqualTo(Money.of(shipping, EUR));
        assertThat(quote.pricesIncludeVat()).isEqualTo(included);
        assertThat(quote.vat()).isEqualTo(Money.of(vat, EUR));
        assertThat(quote.total()).isEqualTo(Money.of(total, EUR));
        assertThat(quote.goods()).isEqualTo(Money.of(new BigDecimal(unitPrice).multiply(BigDecimal.valueOf(quantity)).toPlainString(), EUR));
    }

    @Test
    void vatIsRoundedOnceOnTheWholeOrderNotPerLine() {
        // Per line, 10.02 × 25% = 2.505 would round to 2.51 twice (5.02); on the order, 20.04 × 25% = 5.01.
        Basket basket = basketOf(Map.of(item("A-1", "Lamp", "10.02", 100), 1, item("B-1", "Bulb", "10.02", 100), 1));

        Quote quote = pricing.quote(basket, "NO", "pickup");

        assertThat(quote.vat()).isEqualTo(Money.of("5.01", EUR));
        assertThat(quote.total()).isEqualTo(Money.of("25.05", EUR));
    }

    @Test
    void linesArePricedFromTheCatalogAndSortedByProductName() {
        Basket basket = basketOf(Map.of(item("Z-1", "Anglepoise", "19.99", 100), 2, item("A-1", "Bulb", "3.50", 100), 3));

        Quote quote = pricing.quote(basket, "DE", "standard");

        assertThat(quote.lines()).extracting(Quote.Line::sku, Quote.Line::unitPrice, Quote.Line::quantity, Quote.Line::lineTotal)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Z-1", Money.of("19.99", EUR), 2, Money.of("39.98", EUR)),
                        org.assertj.core.groups.Tuple.tuple("A-1", Money.of("3.50", EUR), 3, Money.of("10.50", EUR)));
        assertThat(quote.goods()).isEqualTo(Money.of("50.48", EUR));
        assertThat(quote.itemCount()).isEqualTo(5);
    }

    /** Cheapest first, the method id breaking ties; a method without a price for the country is not offered. */
    @ParameterizedTest(name = "{0}, goods {1}: {2}")
    @CsvSource({
            "DE, 10.00, pickup:0.00 standard:4.90 express:9.90",
            "DE, 60.00, pickup:0.00 standard:0.00 express:9.90",
            "NO, 10.00, pickup:0.00 standard:6.90 express:19.90",
            "FR, 10.00, standard:6.90 express:19.90"})
    void shippingOptionsAreTheMethodsDeliveringThereCheapestFirst(String country, String goods, String expected) {
        Basket basket = basketOf(item("A-1", "Lamp", goods, 500), 1);

        List<ShippingOption> options = pricing.shippingOptions(basket, country);

        assertThat(options.stream().map(o -> o.id() + ":" + o.cost().amount().toPlainString()).collect(Collectors.joining(" ")))
                .isEqualTo(expected);
    }

    @Test
    void aMethodNotOfferedForTheCountryIsRefused() {
        Basket basket = basketOf(item("A-1", "Lamp", "10.00", 500), 1);

        assertThatThrownBy(() -> pricing.quote(basket, "FR", "pickup")).hasMessage("Choose one of the delivery options offered.");
        assertThatThrownBy(() -> pricing.quote(basket, "DE", "drone")).hasMessage("Choose one of the delivery options offered.");
    }

    @Test
    void anEmptyBasketOrAnItemNoLongerSoldIsRefused() {
        assertThatThrownBy(() -> pricing.quote(new Basket("b", Map.of()), "DE", "standard"))
                .hasMessageStartingWith("Your cart is empty");
        assertThatThrownBy(() -> pricing.quote(new Basket("b", Map.of("GONE-1", 1)), "DE", "standard"))
                .hasMessageContaining("GONE-1").hasMessageContaining("no longer sold");
    }

    @Test
    void anItemPricedInAnotherCurrencyIsAConfigurationFault() {
        SkuView dollars = new SkuView("USD-1", "usd-1", "Import", "", Money.of("5.00", "USD"), 10, 100, null);
        catalogItems.put(dollars.sku(), dollars);

        assertThatThrownBy(() -> pricing.quote(new Basket("b", Map.of("USD-1", 1)), "DE", "standard"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("USD");
    }

    private SkuView item(String sku, String productName, String price, int grams) {
        SkuView item = new SkuView(sku, sku.toLowerCase(), productName, "", Money.of(price, EUR), 100, grams, null);
        catalogItems.put(sku, item);
        return item;
    }

    private static Basket basketOf(SkuView item, int quantity) {
        return basketOf(Map.of(item, quantity));
    }

    private static Basket basketOf(Map<SkuView, Integer> lines) {
        return new Basket("basket", lines.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().sku(), Map.Entry::getValue)));
    }

    private Catalog catalog() {
        Function<Collection<String>, Map<String, SkuView>> skus = wanted -> catalogItems.entrySet().stream()
                .filter(e -> wanted.contains(e.getKey())).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return (Catalog) java.lang.reflect.Proxy.newProxyInstance(Catalog.class.getClassLoader(), new Class<?>[] {Catalog.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("skus")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    @SuppressWarnings("unchecked")
                    Collection<String> wanted = (Collection<String>) args[0];
                    return skus.apply(wanted);
                });
    }

    private static CheckoutConfig checkoutConfig() {
        return ConfigStub.of(CheckoutConfig.class, Map.of(
                "freeShippingThreshold", new BigDecimal("50.00"),
                "vatRates", Map.of("DE", new BigDecimal("19"), "FR", new BigDecimal("20"), "FI", new BigDecimal("25.5"),
                        "NO", new BigDecimal("25")),
                "pricesExcludeVat", Optional.of(Set.of("NO")),
                "shipping", Map.of(
                        "standard", method("Standard", Map.of("default", "6.90", "DE", "4.90"), "1.00", true),
                        "express", method("Express", Map.of("default", "19.90", "DE", "9.90"), "2.50", false),
                        "pickup", method("Pick-up point", Map.of("DE", "0.00", "NO", "0.00"), "0", true))));
    }

    private static CheckoutConfig.ShippingMethod method(String label, Map<String, String> firstKg, String perAdditionalKg,
            boolean freeAboveThreshold) {
        return ConfigStub.of(CheckoutConfig.ShippingMethod.class, Map.of(
                "label", label,
                "firstKg", firstKg.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> new BigDecimal(e.getValue()))),
                "perAdditionalKg", new BigDecimal(perAdditionalKg),
                "freeAboveThreshold", freeAboveThreshold));
    }
}
