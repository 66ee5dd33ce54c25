/**
 * The order pipeline's transport: messages written to an outbox table in the writer's transaction and
 * handled in the background by a worker on every instance (the seeds' SQS + Lambda + dead-letter queue,
 * inside the monolith). Modules publish through {@link shop.storefront.messaging.Outbox} and handle topics
 * with {@link shop.storefront.messaging.MessageHandler} beans.
 */
package shop.storefront.messaging;
