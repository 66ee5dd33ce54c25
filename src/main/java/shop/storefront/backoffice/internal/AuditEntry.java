package shop.storefront.backoffice.internal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A staff action as stored; written once, never changed. */
@Entity
@Table(schema = "backoffice", name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public Instant at;

    @Column(name = "actor_id", nullable = false, updatable = false, length = 64)
    public String actorId;

    @Column(nullable = false, updatable = false, length = 320)
    public String actor;

    @Column(nullable = false, updatable = false, length = 64)
    public String action;

    @Column(nullable = false, updatable = false, length = 200)
    public String subject;

    @Column(nullable = false, updatable = false, length = 1000)
    public String detail;
}
