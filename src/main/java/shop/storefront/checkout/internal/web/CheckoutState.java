package shop.storefront.checkout.internal.web;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.keys.KeyCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import shop.storefront.checkout.Basket;
import shop.storefront.checkout.internal.service.DeliveryForm;
import shop.storefront.platform.Digests;
import shop.storefront.web.CookieSigner;
import shop.storefront.web.NeedsRedis;

/**
 * What the shopper chose so far in the checkout pages, in Redis (any instance can serve the next step), one hash
 * per basket. Holds the idempotency key of the order about to be placed: the same until an order is placed with it.
 */
@ApplicationScoped
@NeedsRedis
class CheckoutState {

    private static final Duration TTL = Duration.ofDays(1);
    private static final String KEY = "idempotencyKey";

    private final HashCommands<String, String, String> hashes;
    private final KeyCommands<String> keys;

    CheckoutState(RedisDataSource redis) {
        this.hashes = redis.hash(String.class);
        this.keys = redis.key();
    }

    /** The saved fields: email, fullName, …, shippingMethod, paymentMethod (missing ones absent). */
    Map<String, String> fields(Basket basket) {
        return hashes.hgetall(key(basket));
    }

    /** The delivery details among the saved fields, or null when none were saved yet. */
    DeliveryForm delivery(Map<String, String> fields) {
        return DeliveryForm.fromFields(fields);
    }

    void saveDelivery(Basket basket, DeliveryForm delivery) {
        save(basket, delivery.fields());
    }

    void save(Basket basket, Map<String, String> values) {
        hashes.hset(key(basket), values);
        keys.expire(key(basket), TTL);
    }

    /** This checkout's idempotency key, created on first use; every instance sees the same one. */
    String idempotencyKey(Basket basket) {
        hashes.hsetnx(key(basket), KEY, CookieSigner.randomId());
        keys.expire(key(basket), TTL);
        return hashes.hget(key(basket), KEY);
    }

    /** After an order was placed or refused for good: the next submission is a new order. */
    void newAttempt(Basket basket) {
        hashes.hdel(key(basket), KEY);
    }

    private static String key(Basket basket) {
        return "checkout:" + Digests.sha256Hex(basket.id());
    }
}
