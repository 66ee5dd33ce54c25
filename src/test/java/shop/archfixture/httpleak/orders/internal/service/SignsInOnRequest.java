package shop.archfixture.httpleak.orders.internal.service;

import io.vertx.ext.web.RoutingContext;

/** A service that takes the HTTP request instead of the values it needs. */
public class SignsInOnRequest {
    String client(RoutingContext request) {
        return request.request().remoteAddress().host();
    }
}
