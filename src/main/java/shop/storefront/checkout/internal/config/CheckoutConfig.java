package shop.storefront.checkout.internal.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Shipping rates, VAT and payment settings; validated at start-up by SmallRye and {@code CheckoutConfigCheck}. */
@ConfigMapping(prefix = "storefront.checkout")
@BankDetailsWhenOffered
public interface CheckoutConfig {

    /** Orders whose goods (VAT included) reach this amount ship free with methods that allow it. */
    @DecimalMin("0")
    @WithDefault("50.00")
    BigDecimal freeShippingThreshold();

    /** VAT rate in percent per destination country, e.g. storefront.checkout.vat-rates.DE=19; every delivery country needs one. */
    Map<String, @DecimalMin("0") @DecimalMax("100") BigDecimal> vatRates();

    /**
     * Countries where shoppers expect prices before tax: there catalog prices are net and VAT is added on top.
     * Everywhere else catalog prices include VAT (the same gross price in every country) and the VAT they
     * contain is shown.
     */
    Optional<Set<String>> pricesExcludeVat();

    /** Delivery options by id, e.g. storefront.checkout.shipping.standard.label. */
    @NotEmpty
    Map<String, ShippingMethod> shipping();

    /** Offline payment methods offered: bank-transfer, cash-on-delivery (card appears when Stripe is configured). */
    @WithDefault("bank-transfer,cash-on-delivery")
    List<@Pattern(regexp = "bank-transfer|cash-on-delivery", message = "must be bank-transfer or cash-on-delivery") String> offlinePaymentMethods();

    /** The account bank transfers are paid into, shown on the order page and in the confirmation e-mail. */
    Optional<BankAccount> bankAccount();

    /** An order paid by bank transfer is cancelled, and its stock released, when unpaid after this long. */
    @WithDefault("7d")
    Duration bankTransferWindow();

    /** A card payment not confirmed after this long cancels the order and releases its stock. */
    @WithDefault("1h")
    Duration cardPaymentWindow();

    /** Guest order look-ups (number + e-mail) allowed per minute, separately per client address and per order number. */
    @Min(1) @Max(1000)
    @WithDefault("10")
    int orderLookupsPerMinute();

    /**
     * Most units of one SKU a single order may take. With the unpaid-order limits below, this bounds how much stock one
     * shopper can hold without paying (a competitor could otherwise reserve a whole SKU with one bank-transfer order).
     */
    @Min(1) @Max(999)
    @WithDefault("10")
    int maxUnitsPerSku();

    /** Orders not yet paid or shipped (they hold stock) allowed at once per e-mail address. */
    @Min(1) @Max(1_000_000)
    @WithDefault("3")
    int maxUnpaidOrdersPerEmail();

    /** Orders not yet paid or shipped allowed at once per client address (higher than per e-mail: offices share one). */
    @Min(1) @Max(1_000_000)
    @WithDefault("5")
    int maxUnpaidOrdersPerClient();

    interface BankAccount {
        /** Account holder's name, e.g. "Storefront GmbH". */
        String payee();

        /** Printed as configured (spaces allowed); the checksum is verified at start-up. */
        String iban();

        /** Needed by some banks outside the SEPA area. */
        Optional<@Pattern(regexp = "[A-Z0-9]{8}([A-Z0-9]{3})?", message = "must be a BIC of 8 or 11 letters and digits") String> bic();
    }

    interface ShippingMethod {
        /** Shopper-facing name, e.g. "Standard delivery, 3–5 working days". */
        String label();

        /** Price of a parcel up to 1 kg by destination country; the key "default" covers every other country. */
        Map<String, @DecimalMin("0") BigDecimal> firstKg();

        /** Added for each further kilogram or part of one. */
        @DecimalMin("0")
        @WithDefault("0")
        BigDecimal perAdditionalKg();

        /** Whether orders above the free-shipping threshold ship free with this method. */
        @WithDefault("true")
        boolean freeAboveThreshold();
    }
}
