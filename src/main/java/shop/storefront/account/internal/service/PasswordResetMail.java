package shop.storefront.account.internal.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import shop.storefront.account.internal.AccountConfig;
import shop.storefront.account.internal.domain.Customer;
import shop.storefront.account.internal.domain.PasswordReset;
import shop.storefront.messaging.MessageHandler;
import shop.storefront.platform.Digests;
import shop.storefront.platform.StorefrontConfig;

/**
 * Sends a password-reset link. The link's token is made here, in the handler's transaction, and only its hash is
 * stored: the outbox holds no secret, and a send that fails rolls the token back before it is retried.
 */
@ApplicationScoped
class PasswordResetMail implements MessageHandler<PasswordResetMail.Requested> {

    static final String TOPIC = "password-reset";
    private static final SecureRandom RANDOM = new SecureRandom();

    @RegisterForReflection
    record Requested(String customerId) {
    }

    private final Mailer mailer;
    private final String baseUrl;
    private final Duration ttl;

    PasswordResetMail(Mailer mailer, AccountConfig account, StorefrontConfig config) {
        this.mailer = mailer;
        this.baseUrl = config.baseUrl();
        this.ttl = account.resetLinkTtl();
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Class<Requested> payloadType() {
        return Requested.class;
    }

    @Override
    public void handle(Requested requested) {
        Customer.findByPublicId(requested.customerId()).ifPresent(customer -> {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            PasswordReset reset = new PasswordReset();
            reset.tokenHash = Digests.sha256Hex(token);
            reset.customerId = customer.id;
            // The link's lifetime starts when it is sent, not when it was asked for.
            reset.expiresAt = Instant.now().plus(ttl);
            reset.persist();
            mailer.send(Mail.withText(customer.email, "Reset your Storefront password", """
                    Someone asked to reset the password of your Storefront account.

                    To choose a new password, open this link within %d minutes:
                    %s/account/reset?token=%s

                    The link works once. If you did not ask for it, ignore this e-mail: your password stays as it is.
                    """.formatted(ttl.toMinutes(), baseUrl, token)));
        });
    }
}
