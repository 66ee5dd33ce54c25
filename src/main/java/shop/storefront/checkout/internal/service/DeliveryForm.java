package shop.storefront.checkout.internal.service;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import shop.storefront.checkout.internal.domain.CustomerOrder;
import shop.storefront.checkout.internal.domain.ShippingAddress;
import shop.storefront.platform.Countries;
import shop.storefront.platform.EmailAddress;
import shop.storefront.platform.InvalidFields;
import shop.storefront.platform.PostalAddress;

/**
 * Who an order is for and where it goes, from the checkout page or the API to the order. The components are named as
 * the address form's fields and the saved checkout state's keys. Values as typed until {@link #checked}; the order
 * service takes only checked ones.
 */
public record DeliveryForm(String email, String fullName, String line1, String line2, String city, String postalCode,
        String country, String phone) {

    /** Typed text shown back in a form is cut to this length (the longest field, an e-mail address). */
    private static final int SHOWN_BACK = 254;
    private static final List<String> FIELDS = List.of("email", "fullName", "line1", "line2", "city", "postalCode", "country", "phone");

    public static DeliveryForm blank() {
        return new DeliveryForm("", "", "", "", "", "", "", "");
    }

    /** A form filled in from a saved address, with the e-mail address the confirmation goes to. */
    public static DeliveryForm of(String email, PostalAddress address) {
        return new DeliveryForm(email, address.fullName(), address.line1(), address.line2(), address.city(),
                address.postalCode(), address.country(), address.phone());
    }

    /** The delivery details an order was placed with. */
    static DeliveryForm of(CustomerOrder order) {
        ShippingAddress to = order.shipTo;
        return new DeliveryForm(order.email, to.fullName, to.line1, to.line2, to.city, to.postalCode, to.country, to.phone);
    }

    public DeliveryForm withEmail(String value) {
        return new DeliveryForm(value, fullName, line1, line2, city, postalCode, country, phone);
    }

    /**
     * Checked and normalised with the shared rules ({@link EmailAddress}, {@link PostalAddress#collect}); every
     * problem, in form order, is in one {@link InvalidFields}.
     */
    public DeliveryForm checked(Countries countries) {
        InvalidFields.Collector problems = new InvalidFields.Collector();
        EmailAddress mail = problems.check(() -> EmailAddress.parse(email));
        PostalAddress address = PostalAddress.collect(fullName, line1, line2, city, postalCode, country, phone, countries, problems);
        problems.throwIfAny();
        return of(mail.value(), address);
    }

    /** The typed values to show back in the form: none missing, none longer than a field can be. */
    public DeliveryForm shownBack() {
        return new DeliveryForm(cut(email), cut(fullName), cut(line1), cut(line2), cut(city), cut(postalCode), cut(country), cut(phone));
    }

    /** The values keyed by field name, for saving between checkout steps. */
    public Map<String, String> fields() {
        List<String> values = Arrays.asList(email, fullName, line1, line2, city, postalCode, country, phone);
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < FIELDS.size(); i++) {
            fields.put(FIELDS.get(i), values.get(i));
        }
        return fields;
    }

    /** The form saved with {@link #fields()}, or null when the saved values hold none (no country chosen yet). */
    public static DeliveryForm fromFields(Map<String, String> f) {
        return f.containsKey("country") ? new DeliveryForm(f.get("email"), f.get("fullName"), f.get("line1"), f.get("line2"),
                f.get("city"), f.get("postalCode"), f.get("country"), f.get("phone")) : null;
    }

    /** Where the order goes, as stored on it. */
    ShippingAddress shippingAddress() {
        ShippingAddress to = new ShippingAddress();
        to.fullName = fullName;
        to.line1 = line1;
        to.line2 = line2;
        to.city = city;
        to.postalCode = postalCode;
        to.country = country;
        to.phone = phone;
        return to;
    }

    private static String cut(String value) {
        return value == null ? "" : value.length() > SHOWN_BACK ? value.substring(0, SHOWN_BACK) : value;
    }
}
