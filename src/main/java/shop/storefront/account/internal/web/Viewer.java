package shop.storefront.account.internal.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Whether someone is signed in, for the page header ({@code inject:viewer}). */
@Named("viewer")
@RequestScoped
public class Viewer {

    private final SecurityIdentity identity;

    Viewer(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isSignedIn() {
        return !Context.isOnEventLoopThread() && !identity.isAnonymous();
    }

    /** Staff see a link to the back office in the shop's header. */
    public boolean isAdmin() {
        return isSignedIn() && identity.hasRole("admin");
    }
}
