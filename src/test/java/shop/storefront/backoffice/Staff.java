package shop.storefront.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import shop.storefront.account.Accounts;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.web.Shopper;

/** Test helper: a signed-in administrator, made the way ops make one (the role set in the database, then sign-in). */
public final class Staff {

    private Staff() {
    }

    /** A new account promoted to admin and signed in. */
    public static Admin signedInAdmin(CatalogOracle db) {
        Shopper browser = new Shopper();
        String email = Accounts.signedUp(browser);
        db.update("UPDATE account.customer SET role = 'admin' WHERE email = ?", email);
        Shopper admin = new Shopper(); // the role is read at sign-in
        assertThat(Accounts.signIn(admin, email, Accounts.PASSWORD).statusCode()).isEqualTo(303);
        return new Admin(admin, email);
    }

    /** A signed-in customer without any staff role. */
    public static Shopper signedInCustomer() {
        Shopper customer = new Shopper();
        Accounts.signedUp(customer);
        return customer;
    }

    public record Admin(Shopper browser, String email) {
    }
}
