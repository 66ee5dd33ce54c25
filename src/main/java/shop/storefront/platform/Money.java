package shop.storefront.platform;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An amount in one currency, held at the currency's minor-unit scale. Never a double; in JSON the amount is
 * an exact decimal string such as "19.90", so no client ever parses it as binary floating point.
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) implements Comparable<Money> {

    private static final Pattern PLAIN_AMOUNT = Pattern.compile("\\d{1,10}(\\.\\d{1,2})?");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Currency iso = Currency.getInstance(Objects.requireNonNull(currency, "currency"));
        amount = amount.setScale(iso.getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    /**
     * A plain decimal amount as a client sends it back to us (a total to confirm): up to 10 digits and at most 2
     * decimals, no sign, grouping or currency symbol; empty for anything else, so each edge words its own refusal.
     */
    public static Optional<BigDecimal> parsePlainAmount(String text) {
        return text != null && PLAIN_AMOUNT.matcher(text).matches() ? Optional.of(new BigDecimal(text)) : Optional.empty();
    }

    /** Shopper-facing text such as "€1,299.00"; English formatting until locales arrive. */
    public String display() {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(amount);
    }

    @JsonIgnore
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** Plain decimal for machine-readable markup (JSON-LD, data attributes). */
    public String plain() {
        return amount.toPlainString();
    }

    @Override
    public int compareTo(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot compare " + currency + " with " + other.currency);
        }
        return amount.compareTo(other.amount);
    }
}
