package shop.storefront.account.internal.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(schema = "account", name = "address")
public class Address extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_id", nullable = false)
    public Long customerId;

    @Column(name = "full_name", nullable = false, length = 200)
    public String fullName;

    @Column(nullable = false, length = 200)
    public String line1;

    @Column(nullable = false, length = 200)
    public String line2 = "";

    @Column(nullable = false, length = 100)
    public String city;

    @Column(name = "postal_code", nullable = false, length = 20)
    public String postalCode;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 2)
    public String country;

    @Column(nullable = false, length = 40)
    public String phone = "";

    @Column(name = "default_shipping", nullable = false)
    public boolean defaultShipping;

    @Column(name = "default_billing", nullable = false)
    public boolean defaultBilling;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    public static List<Address> ofCustomer(long customerId) {
        return list("customerId = ?1 order by id", customerId);
    }

    /** Only the owner's own addresses can be found: another customer's id is simply not there. */
    public static Optional<Address> ofCustomer(long customerId, long id) {
        return find("customerId = ?1 and id = ?2", customerId, id).firstResultOptional();
    }
}
