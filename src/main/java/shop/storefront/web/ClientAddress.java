package shop.storefront.web;

import io.vertx.ext.web.RoutingContext;

/**
 * The address of the shopper's machine, as far as this instance can vouch for it: the TCP peer, or — when the peer
 * is a trusted proxy such as the ALB — the rightmost {@code X-Forwarded-For} entry that no trusted proxy wrote.
 * Everything left of that entry was written by the client and is ignored, so a client cannot pick its own address.
 * Worked out once per request, first thing ({@code web.internal.ForwardedRequests}); rate limits and logs use only
 * this.
 *
 * @param address  canonical textual form (IPv6 compressed, IPv4-mapped IPv6 as IPv4), for logs
 * @param limitKey what per-client limits count on: the address for IPv4, its /64 network for IPv6 (one
 *                 subscriber usually holds a whole /64, so counting single IPv6 addresses would let it rotate)
 */
public record ClientAddress(String address, String limitKey) {

    /** Where {@link #of(RoutingContext)} finds the value worked out for the request. */
    public static final String CONTEXT_KEY = "storefront.client-address";

    private static final ClientAddress UNKNOWN = new ClientAddress("unknown", "unknown");

    /** The client address of this request (never null). */
    public static ClientAddress of(RoutingContext ctx) {
        ClientAddress address = ctx == null ? null : ctx.get(CONTEXT_KEY);
        return address == null ? UNKNOWN : address;
    }
}
