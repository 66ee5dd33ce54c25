package shop.storefront.checkout.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Where the order goes, copied onto the order: later address-book edits never change a placed order. */
@Embeddable
public class ShippingAddress {

    @Column(name = "ship_full_name", nullable = false, length = 200)
    public String fullName;

    @Column(name = "ship_line1", nullable = false, length = 200)
    public String line1;

    @Column(name = "ship_line2", nullable = false, length = 200)
    public String line2 = "";

    @Column(name = "ship_city", nullable = false, length = 100)
    public String city;

    @Column(name = "ship_postal_code", nullable = false, length = 20)
    public String postalCode;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "ship_country", nullable = false, length = 2)
    public String country;

    @Column(name = "ship_phone", nullable = false, length = 40)
    public String phone = "";
}
