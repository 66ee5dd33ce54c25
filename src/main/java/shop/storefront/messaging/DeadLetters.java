package shop.storefront.messaging;

/** Messages that failed every attempt and wait for a person (see the dead-letter table). */
public interface DeadLetters {

    long count();
}
