package shop.storefront.account;

/**
 * Fired (CDI event) in the request in which a customer signed in, e.g. so the cart can merge the guest cart.
 * {@code customerId} is the customer's public id, the same as the security principal's name.
 */
public record CustomerSignedIn(String customerId) {
}
