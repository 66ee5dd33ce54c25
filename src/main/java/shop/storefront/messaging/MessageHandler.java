package shop.storefront.messaging;

/**
 * Handles every message of one topic (an application-scoped bean per topic). Runs in its own transaction;
 * throwing means "try again later". Handling is at least once, so a handler must tolerate seeing a message
 * again, e.g. by checking the state it is about to change.
 */
public interface MessageHandler<T> {

    String topic();

    Class<T> payloadType();

    void handle(T payload) throws Exception;
}
