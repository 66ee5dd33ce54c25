package shop.storefront.cart.internal.rest;

import java.util.regex.Pattern;
import shop.storefront.platform.InvalidInput;

/** Checks the shape of cart input before it reaches the cart, for forms and JSON alike. */
public final class CartInput {

    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private CartInput() {
    }

    public static String sku(String sku) {
        if (sku == null || !SKU.matcher(sku).matches()) {
            throw new InvalidInput("sku", "Give a SKU of up to 64 letters, digits, dots, dashes or underscores.");
        }
        return sku;
    }

    /** A quantity typed into a form: digits only, checked against the cart's limits by the cart itself. */
    public static int quantity(String text) {
        if (text == null || !text.strip().matches("\\d{1,3}")) {
            throw new InvalidInput("quantity", "Quantity must be a whole number such as 1 or 2.");
        }
        return Integer.parseInt(text.strip());
    }

    public static int quantity(Integer value) {
        if (value == null) {
            throw new InvalidInput("quantity", "Give the quantity as a whole number.");
        }
        return value;
    }
}
