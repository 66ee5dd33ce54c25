package shop.storefront.messaging.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import shop.storefront.messaging.Outbox;

/** Writes messages into messaging.outbox with the caller's connection, hence in the caller's transaction. */
@ApplicationScoped
class TransactionalOutbox implements Outbox {

    private final EntityManager em;
    private final ObjectMapper json;

    TransactionalOutbox(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, Object payload) {
        publish(topic, payload, null);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, Object payload, Instant notBefore) {
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Payload for " + topic + " cannot be written as JSON", e);
        }
        // A delay rather than a timestamp: due times follow the database's clock, like the worker's claims.
        long delayMillis = notBefore == null ? 0 : Math.max(0, Duration.between(Instant.now(), notBefore).toMillis());
        em.createNativeQuery("""
                INSERT INTO messaging.outbox (topic, payload, available_at)
                VALUES (:topic, CAST(:payload AS jsonb), now() + :delay * interval '1 millisecond')""")
                .setParameter("topic", topic).setParameter("payload", body).setParameter("delay", delayMillis)
                .executeUpdate();
    }
}
