package shop.storefront.account.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import shop.storefront.account.CustomerSignedIn;
import shop.storefront.account.internal.domain.Customer;
import shop.storefront.account.internal.domain.PasswordReset;
import shop.storefront.account.internal.security.SessionStore;
import shop.storefront.messaging.Outbox;
import shop.storefront.platform.Digests;
import shop.storefront.platform.EmailAddress;
import shop.storefront.platform.FieldText;
import shop.storefront.platform.InvalidInput;
import shop.storefront.platform.NotSignedIn;
import shop.storefront.platform.Refused;

/** Sign-up, sign-in, sign-out and password reset. Messages never tell whether an e-mail is registered. */
@ApplicationScoped
public class AccountService {

    private final Passwords passwords;
    private final SessionStore sessions;
    private final SignInLimiter limiter;
    private final Event<CustomerSignedIn> signedIn;
    private final Outbox outbox;

    AccountService(Passwords passwords, SessionStore sessions, SignInLimiter limiter,
            Event<CustomerSignedIn> signedIn, Outbox outbox) {
        this.passwords = passwords;
        this.sessions = sessions;
        this.limiter = limiter;
        this.signedIn = signedIn;
        this.outbox = outbox;
    }

    /** Trimmed and lower-cased ({@link EmailAddress}), or {@link InvalidInput} saying what a valid address looks like. */
    public static String normaliseEmail(String email) {
        return EmailAddress.parse(email).value();
    }

    public static String name(String name) {
        return FieldText.optional("name", "Name", name, 200);
    }

    /** A new account; it gets cart reminders only when the person ticked the box ({@code cartReminders}). */
    @Transactional
    public Customer signUp(String email, String password, String fullName, boolean cartReminders, String clientAddress) {
        String normal = normaliseEmail(email);
        String cleanName = name(fullName);
        passwords.check(password);
        limiter.attemptFrom("sign-up", clientAddress);
        if (Customer.findByEmail(normal).isPresent()) {
            throw new Refused("email",
                    "An account already exists for this e-mail address. Sign in, or reset your password if you forgot it.");
        }
        Customer customer = new Customer();
        customer.email = normal;
        customer.passwordHash = passwords.hash(password);
        customer.fullName = cleanName;
        customer.cartReminders = cartReminders;
        customer.persist();
        return customer;
    }

    /**
     * The customer these credentials belong to; every failure looks the same and costs the same. After recent
     * failures for the e-mail the answer waits, right password or wrong, so the wait tells nothing. No transaction
     * around it: a waiting sign-in must not hold a database connection.
     */
    public Customer authenticate(String email, String password, String clientAddress) {
        String normal;
        try {
            normal = normaliseEmail(email);
        } catch (InvalidInput e) {
            normal = null;
        }
        limiter.attemptFrom("sign-in", clientAddress);
        if (normal != null) {
            pause(limiter.claimSignInTurn(normal));
        }
        Optional<Customer> customer = normal == null ? Optional.empty() : Customer.findByEmail(normal);
        if (!passwords.matches(password, customer.map(c -> c.passwordHash).orElse(null))) {
            throw new NotSignedIn("That e-mail and password do not match an account.");
        }
        limiter.signInSucceeded(normal);
        return customer.get();
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            // Only shutdown interrupts a request thread; answering a little early then gives nothing away.
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The customer an identity provider signed in, by the e-mail address it vouches for: the account with that address,
     * or a new one without a password. Only an address the provider has verified links to an account, or whoever
     * registered someone else's address there would take over that person's account here.
     */
    @Transactional
    public Customer signInVouchedFor(String email, boolean emailVerified, String providerName) {
        if (!emailVerified) {
            throw new NotSignedIn("Your e-mail address is not verified with " + providerName
                    + " yet. Verify it there, then sign in again, or sign in with your e-mail and password.");
        }
        String normal;
        try {
            normal = normaliseEmail(email);
        } catch (InvalidInput e) {
            throw new NotSignedIn(providerName + " did not give an e-mail address this shop can use. Sign in with your"
                    + " e-mail and password instead.");
        }
        return Customer.findByEmail(normal).orElseGet(() -> {
            Customer customer = new Customer();
            customer.email = normal;
            customer.persist();
            return customer;
        });
    }

    /**
     * A new session for the customer, announced to other modules; returns its id for the edge to hand to the browser.
     *
     * @param replacedSessionId the session the browser had until now, ended first; null when it had none
     * @param signedInWith {@link SessionStore#PASSWORD} or the identity provider that vouched for the customer
     */
    public String startSession(Customer customer, String replacedSessionId, String signedInWith) {
        endSession(replacedSessionId);
        String customerId = customer.publicId.toString();
        String id = sessions.create(new SessionStore.Session(customerId, customer.role, customer.email, signedInWith));
        signedIn.fire(new CustomerSignedIn(customerId));
        return id;
    }

    /** Ends the session with this id, if there is one (null: nothing to end); returns how it had signed in. */
    public Optional<String> endSession(String sessionId) {
        if (sessionId == null) {
            return Optional.empty();
        }
        Optional<String> signedInWith = sessions.find(sessionId).map(SessionStore.Session::signedInWith);
        sessions.delete(sessionId);
        return signedInWith;
    }

    /**
     * Queues a reset link for the address when it has an account; says nothing either way. The e-mail goes out from
     * the outbox ({@link PasswordResetMail}), so the answer is the same, and as fast, whether or not an account
     * exists or the mail relay is slow, and a failed send is retried.
     */
    @Transactional
    public void requestReset(String email, String clientAddress) {
        String normal = normaliseEmail(email);
        limiter.attemptFrom("reset", clientAddress);
        limiter.resetRequestFor(normal);
        Customer.findByEmail(normal).ifPresent(customer ->
                outbox.publish(PasswordResetMail.TOPIC, new PasswordResetMail.Requested(customer.publicId.toString())));
    }

    @Transactional
    public boolean resetLinkUsable(String token) {
        return token != null && token.length() <= 100 && findReset(token).filter(r -> r.usable(Instant.now())).isPresent();
    }

    /**
     * Sets a new password through a valid link, uses up every reset link of the account (another one may have gone
     * to the same stolen mailbox) and ends every session of the account.
     */
    @Transactional
    public void resetPassword(String token, String newPassword) {
        passwords.check(newPassword);
        PasswordReset reset = (token == null || token.length() > 100 ? Optional.<PasswordReset>empty() : findReset(token))
                .filter(r -> r.usable(Instant.now()))
                .orElseThrow(() -> new InvalidInput("token",
                        "This reset link has expired or was already used. Ask for a new one."));
        Customer customer = Customer.findById(reset.customerId);
        customer.passwordHash = passwords.hash(newPassword);
        customer.updatedAt = Instant.now();
        PasswordReset.useUpAll(customer.id, Instant.now());
        sessions.deleteAll(customer.publicId.toString());
    }

    private static Optional<PasswordReset> findReset(String token) {
        return PasswordReset.findByIdOptional(Digests.sha256Hex(token));
    }

}
