package shop.storefront.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import shop.storefront.platform.Money;

/**
 * How a price is shown to shoppers, the one rule behind cards, the product page and the listing JSON. {@code price}
 * is what the shopper pays (the lowest when {@code from}); {@code from} only when the variants' prices differ;
 * {@code was} the old price of a sale, only when it is above {@code price} (a compare-at price equal to or below the
 * price is no sale and is dropped).
 */
public record PriceDisplay(Money price, boolean from, Money was) {

    public PriceDisplay {
        Objects.requireNonNull(price, "price");
        if (was != null && was.compareTo(price) <= 0) {
            was = null;
        }
    }

    /** A variant's price and compare-at price (null when it has none). */
    public record Offer(Money price, Money compareAt) {
    }

    /** One variant's price. */
    public static PriceDisplay of(Money price, Money compareAt) {
        return new PriceDisplay(price, false, compareAt);
    }

    /**
     * A product's variants as one price: the lowest, "from" when another variant costs more, and the sale of a
     * cheapest variant (the highest old price among them), since that is the price the card promises; null
     * without variants.
     */
    public static PriceDisplay ofOffers(Collection<Offer> offers) {
        if (offers.isEmpty()) {
            return null;
        }
        Money lowest = offers.stream().map(Offer::price).min(Comparator.naturalOrder()).orElseThrow();
        Money highest = offers.stream().map(Offer::price).max(Comparator.naturalOrder()).orElseThrow();
        Money was = offers.stream().filter(o -> o.price().compareTo(lowest) == 0 && o.compareAt() != null)
                .map(Offer::compareAt).max(Comparator.naturalOrder()).orElse(null);
        return new PriceDisplay(lowest, highest.compareTo(lowest) > 0, was);
    }

    @JsonIgnore
    public boolean onSale() {
        return was != null;
    }

    /** How much the sale takes off the old price; null without a sale. */
    @JsonIgnore
    public Money saving() {
        return was == null ? null : new Money(was.amount().subtract(price.amount()), price.currency());
    }

    /** The price as printed: "from €20.00" or "€20.00". */
    @JsonIgnore
    public String text() {
        return (from ? "from " : "") + price.display();
    }

    /**
     * The whole price in words for screen readers, which announce a struck-out old price as a "deletion" or not at
     * all: "Was €25.00, now from €20.00. Save €5.00."
     */
    @JsonIgnore
    public String spoken() {
        if (was == null) {
            return (from ? "From " : "") + price.display();
        }
        return "Was " + was.display() + ", now " + text() + ". Save " + saving().display() + ".";
    }
}
