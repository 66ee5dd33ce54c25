/**
 * The order pipeline's transport: messages written to an outbox table in the writer's transaction and handled in the
 * background by a worker on every instance, retried with back-off and moved to a dead-letter table when they keep
 * failing. Modules publish through {@link shop.storefront.messaging.Outbox} and handle topics with
 * {@link shop.storefront.messaging.MessageHandler} beans. It uses only the shared kernel (the browse-only setting and the
 * rule for an unreachable database), so every module may use it.
 */
@AllowedDependencies({"platform"})
package shop.storefront.messaging;

import shop.storefront.platform.AllowedDependencies;
