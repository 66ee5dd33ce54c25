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

    /**
     * Whether the message counts as handled as soon as {@link #handle} returns, whatever becomes of the handler's
     * transaction: true for a handler whose effect leaves the shop and cannot be taken back (an e-mail sent) and that
     * writes nothing to the database. Then a commit lost with the database does not send it a second time. False (the
     * default) for handlers that change the database: a message whose changes did not commit is handled again.
     */
    default boolean doneWhenHandled() {
        return false;
    }
}
