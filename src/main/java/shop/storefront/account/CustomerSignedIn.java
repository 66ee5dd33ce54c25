package shop.storefront.account;

/** Fired (CDI event) in the request in which a customer signed in, e.g. so the cart can merge the guest cart. */
public record CustomerSignedIn(String customerId) {
}
