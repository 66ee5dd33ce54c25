package shop.archfixture.httpleak.orders.internal.domain;

import jakarta.ws.rs.core.Response;

/** A domain type that knows its HTTP status. */
public class OrderAsResponse {
    Response.Status status() {
        return Response.Status.CONFLICT;
    }
}
