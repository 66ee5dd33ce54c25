package shop.storefront.account.internal.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(schema = "account", name = "customer")
public class Customer extends PanacheEntityBase {

    public static final String CUSTOMER = "customer";
    public static final String ADMIN = "admin";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** How sessions, carts and other modules name this customer (see the migration for why). */
    @Column(name = "public_id", nullable = false, unique = true)
    public UUID publicId = UUID.randomUUID();

    @Column(nullable = false, length = 254)
    public String email;

    /** The bcrypt hash; null for a customer who signs in only through an identity provider (no password sign-in). */
    @Column(name = "password_hash", length = 100)
    public String passwordHash;

    @Column(name = "full_name", nullable = false, length = 200)
    public String fullName = "";

    @Column(nullable = false, length = 16)
    public String role = CUSTOMER;

    /** Whether the customer asked for the reminder about items left in their cart: never assumed. */
    @Column(name = "cart_reminders", nullable = false)
    public boolean cartReminders;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt = Instant.now();

    public static Optional<Customer> findByPublicId(String publicId) {
        try {
            return find("publicId", UUID.fromString(publicId)).firstResultOptional();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static Optional<Customer> findByEmail(String normalisedEmail) {
        return find("email", normalisedEmail).firstResultOptional();
    }
}
