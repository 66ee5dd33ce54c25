package shop.storefront.catalog.internal.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import shop.storefront.backoffice.AuditTrail;
import shop.storefront.catalog.ProductChanged;
import shop.storefront.catalog.internal.domain.Product;
import shop.storefront.catalog.internal.domain.Variant;
import shop.storefront.catalog.internal.service.InventoryService;
import shop.storefront.platform.FieldText;
import shop.storefront.platform.InvalidFieldException;
import shop.storefront.platform.InvalidFields;
import shop.storefront.platform.Money;
import shop.storefront.platform.NotFound;
import shop.storefront.platform.StorefrontConfig;

/**
 * Staff changes to a product's SKUs: add one, or change its SKU code, options, prices or weight. Prices are in the
 * store's currency; a new SKU starts with no stock (stock changes only through adjustments, which keep a trail).
 */
@ApplicationScoped
public class VariantEditor {

    /** What the cart accepts as a SKU, starting with a letter or digit. */
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_GRAMS = 1_000_000;

    private final AuditTrail audit;
    private final Event<ProductChanged> changes;
    private final String currency;
    private final InventoryService inventory;

    VariantEditor(AuditTrail audit, Event<ProductChanged> changes, StorefrontConfig config, InventoryService inventory) {
        this.audit = audit;
        this.inventory = inventory;
        this.changes = changes;
        this.currency = config.currency();
    }

    private record Checked(String sku, Map<String, String> options, BigDecimal price, BigDecimal compareAt, int grams) {
    }

    /** Adds a SKU to the product and returns its code. */
    @Transactional
    public String add(long productId, VariantForm form) {
        inventory.lockProduct(productId);
        Product product = ProductEditor.find(productId);
        Checked checked = check(form, null);
        Variant variant = new Variant();
        variant.product = product;
        variant.position = (int) Variant.count("product.id", productId);
        apply(checked, variant);
        variant.persist();
        ProductEditor.flush("sku");
        product.updatedAt = Instant.now();
        audit.record("variant.added", variant.sku, product.slug + ": " + describe(variant));
        changes.fire(new ProductChanged(product.slug, true));
        return variant.sku;
    }

    @Transactional
    public void update(long productId, long variantId, VariantForm form) {
        inventory.lockProduct(productId);
        Variant variant = find(productId, variantId);
        Checked checked = check(form, variant);
        String oldSku = variant.sku;
        Money oldPrice = price(variant.priceAmount, variant.currency);
        String changed = changes(variant, checked);
        apply(checked, variant);
        ProductEditor.flush("sku");
        variant.product.updatedAt = Instant.now();
        audit.record("variant.updated", variant.sku, changed.isEmpty() ? "nothing changed" : changed);
        Money newPrice = price(variant.priceAmount, variant.currency);
        if (!oldPrice.equals(newPrice)) {
            audit.record("price.changed", variant.sku, oldPrice.display() + " → " + newPrice.display());
        }
        if (!oldSku.equals(variant.sku)) {
            audit.record("variant.renamed", oldSku, "now " + variant.sku);
        }
        changes.fire(new ProductChanged(variant.product.slug, true));
    }

    static Variant find(long productId, long variantId) {
        return Variant.<Variant>find("from Variant v join fetch v.product where v.id = ?1 and v.product.id = ?2", variantId, productId)
                .firstResultOptional()
                .orElseThrow(() -> new NotFound("Product " + productId + " has no SKU " + variantId + "."));
    }

    private Checked check(VariantForm form, Variant existing) {
        InvalidFields.Collector errors = new InvalidFields.Collector();
        String sku = errors.check(() -> sku(form.sku(), existing));
        String size = errors.check(() -> FieldText.optional("size", "The size", form.size(), VariantForm.OPTION_MAX));
        String colour = errors.check(() -> FieldText.optional("colour", "The colour", form.colour(), VariantForm.OPTION_MAX));
        BigDecimal price = errors.check(() -> amount("price", "The price", form.price(), true));
        BigDecimal compareAt = errors.check(() -> amount("compareAt", "The compare-at price", form.compareAt(), false));
        Integer grams = errors.check(() -> grams(form.weight()));
        if (price != null && compareAt != null && compareAt.compareTo(price) <= 0) {
            errors.add("compareAt", "The compare-at price is the old price shown crossed out: make it higher than the price,"
                    + " or leave it empty.");
        }
        errors.throwIfAny();
        Map<String, String> options = new LinkedHashMap<>();
        if (!size.isEmpty()) {
            options.put("size", size);
        }
        if (!colour.isEmpty()) {
            options.put("colour", colour);
        }
        return new Checked(sku, options, price, compareAt, grams);
    }

    /** SKUs differing only in case would be told apart by nobody reading a pick list, so they count as taken. */
    private static String sku(String typed, Variant existing) {
        String sku = typed == null ? "" : typed.strip();
        if (sku.isEmpty()) {
            throw new InvalidFieldException("sku", "The SKU is required.");
        }
        if (!SKU.matcher(sku).matches()) {
            throw new InvalidFieldException("sku", "A SKU is 1 to 64 letters, digits, dots, hyphens or underscores,"
                    + " starting with a letter or digit (e.g. TEE-RED-M).");
        }
        long ownId = existing == null ? -1L : existing.id;
        if (Variant.count("lower(sku) = lower(?1) and id <> ?2", sku, ownId) > 0) {
            throw new InvalidFieldException("sku", "SKU " + sku + " is already in use. Each SKU must be unique.");
        }
        return sku;
    }

    /** A plain amount in the store's currency, never negative, with no more decimals than the currency has. */
    private BigDecimal amount(String field, String label, String typed, boolean required) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            if (required) {
                throw new InvalidFieldException(field, label + " is required.");
            }
            return null;
        }
        if (text.startsWith("-")) {
            throw new InvalidFieldException(field, label + " cannot be negative.");
        }
        int decimals = Currency.getInstance(currency).getDefaultFractionDigits();
        BigDecimal amount = Money.parsePlainAmount(text)
                .filter(a -> a.stripTrailingZeros().scale() <= decimals)
                .orElseThrow(() -> new InvalidFieldException(field, label + " must be an amount in " + currency
                        + " such as 19.90: digits, and at most " + decimals + " decimals, without a currency sign."));
        return new Money(amount, currency).amount();
    }

    private static int grams(String typed) {
        String text = typed == null || typed.isBlank() ? "0" : typed.strip();
        try {
            int grams = Integer.parseInt(text);
            if (grams >= 0 && grams <= MAX_GRAMS) {
                return grams;
            }
        } catch (NumberFormatException ignored) {
            // the same answer as out of range
        }
        throw new InvalidFieldException("weight", "The weight must be a whole number of grams from 0 to " + MAX_GRAMS + ".");
    }

    private void apply(Checked checked, Variant variant) {
        variant.sku = checked.sku();
        variant.options = checked.options();
        variant.priceAmount = checked.price();
        variant.compareAtAmount = checked.compareAt();
        variant.currency = currency;
        variant.weightGrams = checked.grams();
    }

    private String changes(Variant v, Checked c) {
        List<String> changed = new ArrayList<>();
        if (!v.sku.equals(c.sku())) {
            changed.add("SKU " + v.sku + " → " + c.sku());
        }
        if (!v.options.equals(c.options())) {
            changed.add("options " + v.options + " → " + c.options());
        }
        if (!Objects.equals(price(v.compareAtAmount, v.currency), price(c.compareAt(), currency))) {
            changed.add("compare-at " + display(v.compareAtAmount, v.currency) + " → " + display(c.compareAt(), currency));
        }
        if (v.weightGrams != c.grams()) {
            changed.add("weight " + v.weightGrams + " g → " + c.grams() + " g");
        }
        if (!Objects.equals(price(v.priceAmount, v.currency), price(c.price(), currency))) {
            changed.add("price " + display(v.priceAmount, v.currency) + " → " + display(c.price(), currency));
        }
        return String.join("; ", changed);
    }

    private static String describe(Variant v) {
        return (v.options.isEmpty() ? "no options" : String.join(" / ", v.options.values())) + ", "
                + display(v.priceAmount, v.currency) + (v.compareAtAmount == null ? "" : " (was " + display(v.compareAtAmount, v.currency) + ")")
                + ", " + v.weightGrams + " g";
    }

    private static Money price(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount, currency.trim());
    }

    private static String display(BigDecimal amount, String currency) {
        return amount == null ? "none" : price(amount, currency).display();
    }
}
