package shop.storefront.account.internal.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A single-use, expiring password-reset link, stored as the SHA-256 of its token. */
@Entity
@Table(schema = "account", name = "password_reset")
public class PasswordReset extends PanacheEntityBase {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "token_hash", length = 64)
    public String tokenHash;

    @Column(name = "customer_id", nullable = false)
    public Long customerId;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    public boolean usable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /** Marks every not yet used link of the customer used. */
    public static void useUpAll(long customerId, Instant now) {
        update("usedAt = ?1 where customerId = ?2 and usedAt is null", now, customerId);
    }
}
