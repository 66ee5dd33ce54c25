package shop.storefront.web;

import jakarta.ws.rs.NotFoundException;

/**
 * A 404 whose message is written for the shopper (e.g. "We have no category called 'x'."). Framework
 * 404s carry internal wording and get a generic message instead.
 */
public class ResourceNotFoundException extends NotFoundException {

    public ResourceNotFoundException(String message) {
        super(message);
    }
}
