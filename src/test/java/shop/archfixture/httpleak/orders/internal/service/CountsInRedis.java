package shop.archfixture.httpleak.orders.internal.service;

import io.vertx.mutiny.redis.client.Response;

/** Reads a Redis reply: storage, not HTTP, so allowed. */
public class CountsInRedis {
    long count(Response reply) {
        return reply.toLong();
    }
}
