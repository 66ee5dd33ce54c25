package shop.storefront.catalog.internal.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import shop.storefront.catalog.internal.ReadReplicaConfig;

/**
 * Listing and search reads on the read replica (datasource {@code catalog-read}, which is the primary unless
 * STOREFRONT_READ_REPLICA_URL is set). Each read is one read-only transaction on a replica connection, with a
 * Hibernate session bound to it for the duration, so the listing SQL is the same on either database. Carts,
 * checkout and anything else that must see the latest stock and prices read the primary.
 */
@ApplicationScoped
class ReplicaReads {

    private static final ThreadLocal<Session> CURRENT = new ThreadLocal<>();
    private final AgroalDataSource replica;
    private final SessionFactory sessions;
    private final boolean separate;

    ReplicaReads(@DataSource("catalog-read") AgroalDataSource replica, SessionFactory sessions, ReadReplicaConfig config) {
        this.replica = replica;
        this.sessions = sessions;
        this.separate = config.readReplicaUrl().isPresent();
    }

    /** Whether the replica is a database of its own, still there when the primary is not. */
    boolean separate() {
        return separate;
    }

    <T> T read(Supplier<T> work) {
        try (Connection connection = replica.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            Session outer = CURRENT.get(); // a read may start another (a product's breadcrumb loads the category tree)
            try (Session session = sessions.withOptions().connection(connection).autoJoinTransactions(false).openSession()) {
                CURRENT.set(session);
                return work.get();
            } finally {
                if (outer == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(outer);
                }
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Catalog read on the replica failed", e);
        }
    }

    /** The session of the read in progress on this thread. */
    EntityManager em() {
        Session session = CURRENT.get();
        if (session == null) {
            throw new IllegalStateException("Not inside ReplicaReads.read");
        }
        return session;
    }
}
