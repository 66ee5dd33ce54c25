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

    ReplicaReads(@DataSource("catalog-read") AgroalDataSource replica, SessionFactory sessions) {
        this.replica = replica;
        this.sessions = sessions;
    }

    <T> T read(Supplier<T> work) {
        try (Connection connection = replica.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (Session session = sessions.withOptions().connection(connection).autoJoinTransactions(false).openSession()) {
                CURRENT.set(session);
                return work.get();
            } finally {
                CURRENT.remove();
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
