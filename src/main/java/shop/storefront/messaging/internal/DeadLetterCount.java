package shop.storefront.messaging.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import shop.storefront.messaging.DeadLetters;

@ApplicationScoped
class DeadLetterCount implements DeadLetters {

    private final EntityManager em;

    DeadLetterCount(EntityManager em) {
        this.em = em;
    }

    @Override
    public long count() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM messaging.dead_letter").getSingleResult()).longValue();
    }
}
