package shop.storefront.cart.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import shop.storefront.cart.CartView;
import shop.storefront.cart.ShoppingCart;
import shop.storefront.cart.internal.CartConfig;
import shop.storefront.catalog.Catalog;
import shop.storefront.catalog.SkuView;
import shop.storefront.platform.InvalidInput;
import shop.storefront.platform.Money;
import shop.storefront.platform.NotFound;
import shop.storefront.platform.Refused;
import shop.storefront.platform.StorefrontConfig;
import shop.storefront.web.RedisAvailability;

/** The current shopper's cart, priced and checked against the catalog on every view. */
@ApplicationScoped
public class CartService implements ShoppingCart {

    private final CartOwner owner;
    /** Without it a signed-in shopper looks like a guest without a cart: an empty cart would be a wrong answer. */
    private final RedisAvailability redis;
    private final CartStore store;
    private final Catalog catalog;
    private final String currency;
    private final int maxQuantity;
    private final int maxLines;

    CartService(CartOwner owner, CartStore store, Catalog catalog, CartConfig cart, StorefrontConfig config,
            RedisAvailability redis) {
        this.owner = owner;
        this.redis = redis;
        this.store = store;
        this.catalog = catalog;
        this.currency = config.currency();
        this.maxQuantity = cart.maxQuantity();
        this.maxLines = cart.maxLines();
    }

    @Override
    public CartView view() {
        redis.requireUp();
        Optional<String> key = owner.existingKey();
        if (key.isEmpty()) {
            return empty();
        }
        owner.refreshGuestCookie();
        List<String> kept = store.takeNotes(key.get());
        CartView priced = price(key.get());
        if (kept.isEmpty()) {
            return priced;
        }
        List<String> notices = new ArrayList<>(kept);
        notices.addAll(priced.notices());
        return new CartView(priced.lines(), priced.subtotal(), priced.itemCount(), List.copyOf(notices));
    }

    @Override
    public CartView add(String sku, int quantity) {
        return add(sku, quantity, false);
    }

    @Override
    public CartView addAvailable(String sku, int quantity) {
        return add(sku, quantity, true);
    }

    private CartView add(String sku, int quantity, boolean orWhatCanBeHad) {
        checkQuantity(quantity);
        SkuView item = sellable(sku);
        String key = owner.keyForChange();
        Map<String, CartStore.Entry> entries = store.entries(key);
        CartStore.Entry current = entries.get(sku);
        if (current == null && entries.size() >= maxLines) {
            throw new Refused("sku", "Your cart already holds " + maxLines + " different items. Remove one first.");
        }
        int limit = Math.min(item.stockOnHand(), maxQuantity);
        int inCart = current == null ? 0 : current.quantity();
        int adding = quantity;
        if (inCart + quantity > limit) {
            if (!orWhatCanBeHad || inCart >= limit) {
                throw new Refused("quantity", tooMany(item, limit, inCart));
            }
            adding = limit - inCart;
        }
        int total = store.add(key, sku, adding, item.price().amount());
        if (total > limit) {
            // Another request added at the same moment; undo ours rather than exceed the stock.
            store.add(key, sku, -adding, item.price().amount());
            throw new Refused("quantity", tooMany(item, limit, total - adding));
        }
        if (adding < quantity) {
            store.note(key, fewerAdded(item, quantity, adding, inCart));
        }
        return price(key);
    }

    @Override
    public CartView setQuantity(String sku, int quantity) {
        if (quantity == 0) {
            return remove(sku);
        }
        checkQuantity(quantity);
        String key = owner.existingKey().filter(k -> store.entries(k).containsKey(sku))
                .orElseThrow(() -> new NotFound("sku", "That item is not in your cart."));
        SkuView item = sellable(sku);
        int limit = Math.min(item.stockOnHand(), maxQuantity);
        if (quantity > limit) {
            throw new Refused("quantity", tooMany(item, limit, 0));
        }
        store.set(key, sku, quantity, item.price().amount());
        return price(key);
    }

    @Override
    public CartView remove(String sku) {
        Optional<String> key = owner.existingKey();
        key.ifPresent(k -> store.remove(k, sku));
        return key.map(this::price).orElseGet(this::empty);
    }

    @Override
    public int itemCount() {
        return owner.existingKey().map(store::itemCount).orElse(0);
    }

    /** Adds a guest cart into a customer's cart (same SKU: quantities added, capped by stock) and deletes it. */
    public void merge(String guestKey, String customerId) {
        String customerKey = CartOwner.customerKey(customerId);
        Map<String, CartStore.Entry> guest = store.entries(guestKey);
        if (guest.isEmpty()) {
            return;
        }
        Map<String, SkuView> items = catalog.skus(guest.keySet());
        Map<String, CartStore.Entry> existing = store.entries(customerKey);
        guest.forEach((sku, entry) -> {
            SkuView item = items.get(sku);
            if (item == null) {
                return;
            }
            int already = existing.containsKey(sku) ? existing.get(sku).quantity() : 0;
            int merged = Math.min(already + entry.quantity(), Math.min(item.stockOnHand(), maxQuantity));
            if (merged > 0) {
                store.set(customerKey, sku, merged, entry.seenPrice() == null ? item.price().amount() : entry.seenPrice());
            }
        });
        store.delete(guestKey);
    }

    private CartView price(String key) {
        Map<String, CartStore.Entry> entries = store.entries(key);
        Map<String, SkuView> items = catalog.skus(entries.keySet());
        List<String> notices = new ArrayList<>();
        List<CartView.Line> lines = new ArrayList<>();
        for (Map.Entry<String, CartStore.Entry> e : entries.entrySet()) {
            String sku = e.getKey();
            SkuView item = items.get(sku);
            int quantity = e.getValue().quantity();
            if (item == null || !item.inStock()) {
                store.remove(key, sku);
                notices.add(item == null ? "An item (" + sku + ") is no longer sold and was removed from your cart."
                        : describe(item) + " is sold out and was removed from your cart.");
                continue;
            }
            if (quantity > item.stockOnHand()) {
                quantity = item.stockOnHand();
                store.set(key, sku, quantity, item.price().amount());
                notices.add("Only " + quantity + " of " + describe(item) + " left: we reduced the quantity in your cart.");
            }
            Money previous = null;
            BigDecimal seen = e.getValue().seenPrice();
            if (seen != null && seen.compareTo(item.price().amount()) != 0) {
                previous = new Money(seen, item.price().currency());
                store.seenPrice(key, sku, item.price().amount());
                notices.add("The price of " + describe(item) + " changed from " + previous.display() + " to "
                        + item.price().display() + ".");
            }
            lines.add(new CartView.Line(sku, item.productSlug(), item.productName(), item.label(), item.image(),
                    item.price(), previous, quantity, item.stockOnHand(),
                    new Money(item.price().amount().multiply(BigDecimal.valueOf(quantity)), item.price().currency())));
        }
        lines.sort(Comparator.comparing(CartView.Line::productName).thenComparing(CartView.Line::label));
        BigDecimal subtotal = lines.stream().map(l -> l.lineTotal().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CartView(List.copyOf(lines), new Money(subtotal, currency),
                lines.stream().mapToInt(CartView.Line::quantity).sum(), List.copyOf(notices));
    }

    private CartView empty() {
        return new CartView(List.of(), new Money(BigDecimal.ZERO, currency), 0, List.of());
    }

    private SkuView sellable(String sku) {
        SkuView item = catalog.skus(Set.of(sku)).get(sku);
        if (item == null) {
            throw new InvalidInput("sku", "We do not sell an item with SKU '" + sku + "'.");
        }
        if (!item.inStock()) {
            throw new Refused("sku", describe(item) + " is sold out.");
        }
        return item;
    }

    private void checkQuantity(int quantity) {
        if (quantity < 1 || quantity > maxQuantity) {
            throw new InvalidInput("quantity", "Quantity must be a whole number from 1 to " + maxQuantity + ".");
        }
    }

    private static String tooMany(SkuView item, int limit, int inCart) {
        return "You can have at most " + limit + " of " + describe(item) + (inCart > 0 ? " (" + inCart + " already in your cart)." : ".");
    }

    private String fewerAdded(SkuView item, int asked, int added, int inCart) {
        String why = item.stockOnHand() <= maxQuantity
                ? "Only " + item.stockOnHand() + " of " + describe(item) + (item.stockOnHand() == 1 ? " was" : " were") + " left"
                : "You can have at most " + maxQuantity + " of " + describe(item);
        return why + (inCart > 0 ? " (" + inCart + " already in your cart)" : "") + ", so we added " + added
                + " instead of the " + asked + " you asked for.";
    }

    private static String describe(SkuView item) {
        return item.label().isEmpty() ? item.productName() : item.productName() + " (" + item.label() + ")";
    }
}
