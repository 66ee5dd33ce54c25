package shop.storefront.account.internal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.ext.web.RoutingContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import shop.storefront.account.internal.domain.Customer;
import shop.storefront.account.internal.security.SessionStore;
import shop.storefront.account.internal.service.AccountService;
import shop.storefront.account.internal.service.AddressBook;
import shop.storefront.platform.Countries;
import shop.storefront.platform.DomainException;
import shop.storefront.platform.EmailAddress;
import shop.storefront.platform.FieldText;
import shop.storefront.platform.NotFound;
import shop.storefront.platform.NotSignedIn;
import shop.storefront.web.ClientAddress;
import shop.storefront.web.ErrorStatus;
import shop.storefront.web.FormView;
import shop.storefront.web.Redirects;

/**
 * Sign-up, sign-in, password reset and the customer's own pages. A refused form is shown again with its
 * values (never the password) and a message saying what to change.
 */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class AccountPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signUp(String email, String name, boolean cartReminders, String error);

        /** @param cognitoProvider the name on the "Sign in with …" button; null: no such button */
        static native TemplateInstance signIn(String email, String error, String cognitoProvider);

        static native TemplateInstance forgot(String email, boolean sent, String error);

        static native TemplateInstance reset(String token, boolean usable, String error);

        static native TemplateInstance overview(AccountOverview customer, List<SavedAddress> addresses, String notice);

        static native TemplateInstance address(SavedAddress address, FormView form, List<Map.Entry<String, String>> countries);
    }

    /** The address form's fields. */
    public static class AddressFields {
        @FormParam("fullName") String fullName;
        @FormParam("line1") String line1;
        @FormParam("line2") String line2;
        @FormParam("city") String city;
        @FormParam("postalCode") String postalCode;
        @FormParam("country") String country;
        @FormParam("phone") String phone;
        @FormParam("defaultShipping") String defaultShipping;
        @FormParam("defaultBilling") String defaultBilling;

        AddressBook.Form form() {
            return new AddressBook.Form(fullName, line1, line2, city, postalCode, country, phone,
                    defaultShipping != null, defaultBilling != null);
        }

        /** The typed values, to show the form again after a refusal. */
        SavedAddress echo(Long id) {
            return new SavedAddress(id, fullName, line1, line2, city, postalCode, country, phone,
                    defaultShipping != null, defaultBilling != null);
        }
    }

    private final AccountService accounts;
    private final AddressBook addressBook;
    private final SecurityIdentity identity;
    private final Countries countries;
    private final BrowserSessions browser;
    private final SignInOptions signInOptions;
    private final CognitoSignOut cognitoSignOut;

    AccountPages(AccountService accounts, AddressBook addressBook, SecurityIdentity identity, Countries countries,
            BrowserSessions browser, SignInOptions signInOptions, CognitoSignOut cognitoSignOut) {
        this.accounts = accounts;
        this.addressBook = addressBook;
        this.identity = identity;
        this.countries = countries;
        this.browser = browser;
        this.signInOptions = signInOptions;
        this.cognitoSignOut = cognitoSignOut;
    }

    @GET
    @Path("sign-up")
    public TemplateInstance signUpPage() {
        return Templates.signUp("", "", false, null);
    }

    @POST
    @Path("sign-up")
    public Response signUp(@FormParam("email") String email, @FormParam("password") String password,
            @FormParam("name") String name, @FormParam("cartReminders") String cartReminders, RoutingContext ctx) {
        try {
            Customer customer = accounts.signUp(email, password, name, cartReminders != null, client(ctx));
            browser.signIn(ctx, customer, SessionStore.PASSWORD);
            return seeOther("/account");
        } catch (DomainException e) {
            return refused(e, Templates.signUp(echo(email), echo(name), cartReminders != null, e.getMessage()));
        }
    }

    @GET
    @Path("sign-in")
    public TemplateInstance signInPage() {
        return Templates.signIn("", null, signInOptions.cognitoProvider());
    }

    /** On a virtual thread: a sign-in held back after failed ones then waits without occupying a worker thread. */
    @POST
    @Path("sign-in")
    @RunOnVirtualThread
    public Response signIn(@FormParam("email") String email, @FormParam("password") String password, RoutingContext ctx) {
        try {
            browser.signIn(ctx, accounts.authenticate(email, password, client(ctx)), SessionStore.PASSWORD);
            return seeOther("/account");
        } catch (DomainException e) {
            return refused(e, Templates.signIn(echo(email), e.getMessage(), signInOptions.cognitoProvider()));
        }
    }

    @POST
    @Path("sign-out")
    public Response signOut(RoutingContext ctx) {
        return cognitoSignOut.after(browser.signOut(ctx)).map(cognito -> Response.seeOther(cognito).build())
                .orElseGet(() -> seeOther("/"));
    }

    @GET
    @Path("forgot")
    public TemplateInstance forgotPage() {
        return Templates.forgot("", false, null);
    }

    @POST
    @Path("forgot")
    public Response forgot(@FormParam("email") String email, RoutingContext ctx) {
        try {
            accounts.requestReset(email, client(ctx));
            return Response.ok(Templates.forgot(echo(email), true, null)).build();
        } catch (DomainException e) {
            return refused(e, Templates.forgot(echo(email), false, e.getMessage()));
        }
    }

    @GET
    @Path("reset")
    public Response resetPage(@QueryParam("token") String token) {
        boolean usable = accounts.resetLinkUsable(token);
        return Response.status(usable ? 200 : 400).entity(Templates.reset(usable ? token : "", usable,
                usable ? null : "This reset link has expired or was already used. Ask for a new one.")).build();
    }

    @POST
    @Path("reset")
    public Response reset(@FormParam("token") String token, @FormParam("password") String password) {
        try {
            accounts.resetPassword(token, password);
            return seeOther("/account/sign-in");
        } catch (DomainException e) {
            boolean usable = accounts.resetLinkUsable(token);
            return Response.status(ErrorStatus.of(e)).entity(Templates.reset(usable ? token : "", usable, e.getMessage())).build();
        }
    }

    @GET
    @Authenticated
    @Transactional
    public TemplateInstance overview() {
        return overview(current(), null);
    }

    @POST
    @Path("profile")
    @Authenticated
    @Transactional
    public Response profile(@FormParam("name") String name, @FormParam("cartReminders") String cartReminders) {
        Customer customer = current();
        try {
            customer.fullName = AccountService.name(name);
            customer.cartReminders = cartReminders != null;
            customer.updatedAt = java.time.Instant.now();
            return seeOther("/account");
        } catch (DomainException e) {
            return Response.status(ErrorStatus.of(e)).entity(overview(customer, e.getMessage())).build();
        }
    }

    @GET
    @Path("addresses/new")
    @Authenticated
    public TemplateInstance newAddress() {
        return addressForm(SavedAddress.blank("IE"));
    }

    @POST
    @Path("addresses")
    @Authenticated
    public Response addAddress(@BeanParam AddressFields fields) {
        try {
            addressBook.add(customerId(), fields.form());
            return seeOther("/account");
        } catch (DomainException e) {
            return Response.status(ErrorStatus.of(e)).entity(refusedAddressForm(fields.echo(null), e)).build();
        }
    }

    @GET
    @Path("addresses/{id: [0-9]{1,18}}/edit")
    @Authenticated
    public TemplateInstance editAddress(@PathParam("id") long id) {
        return addressForm(SavedAddress.of(addressBook.find(customerId(), id)));
    }

    @POST
    @Path("addresses/{id: [0-9]{1,18}}")
    @Authenticated
    public Response updateAddress(@PathParam("id") long id, @BeanParam AddressFields fields) {
        try {
            addressBook.update(customerId(), id, fields.form());
            return seeOther("/account");
        } catch (DomainException e) {
            if (e instanceof NotFound) {
                throw e;
            }
            return Response.status(ErrorStatus.of(e)).entity(refusedAddressForm(fields.echo(id), e)).build();
        }
    }

    private TemplateInstance addressForm(SavedAddress address) {
        return Templates.address(address, FormView.of(address.fields()), countries.choices());
    }

    /** The typed address again, every refused field with its message. */
    private TemplateInstance refusedAddressForm(SavedAddress typed, DomainException e) {
        return Templates.address(typed, FormView.refused(typed.fields(), e), countries.choices());
    }

    @POST
    @Path("addresses/{id: [0-9]{1,18}}/delete")
    @Authenticated
    public Response deleteAddress(@PathParam("id") long id) {
        addressBook.delete(customerId(), id);
        return seeOther("/account");
    }

    private TemplateInstance overview(Customer customer, String notice) {
        List<SavedAddress> addresses = addressBook.list(customer.id).stream().map(SavedAddress::of).toList();
        return Templates.overview(AccountOverview.of(customer), addresses, notice);
    }

    /** The signed-in customer (the principal is the customer's public id). */
    private Customer current() {
        return Customer.findByPublicId(identity.getPrincipal().getName())
                .orElseThrow(() -> new NotSignedIn("Your session has ended. Please sign in again."));
    }

    private long customerId() {
        return current().id;
    }

    private static String client(RoutingContext ctx) {
        return ClientAddress.of(ctx).limitKey();
    }

    /** Typed text shown back in a form, cut to a sane length. */
    private static String echo(String value) {
        return FieldText.echo(value, EmailAddress.MAX_LENGTH);
    }

    /** The form again, with the refusal's status, message and (for 429) Retry-After. */
    private static Response refused(DomainException e, TemplateInstance form) {
        Response.ResponseBuilder response = Response.status(ErrorStatus.of(e)).entity(form);
        Long retryAfterSeconds = ErrorStatus.retryAfterSeconds(e);
        if (retryAfterSeconds != null) {
            response.header("Retry-After", retryAfterSeconds);
        }
        return response.build();
    }

    private static Response seeOther(String path) {
        return Redirects.seeOther(path);
    }
}
