package shop.storefront.checkout.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import shop.storefront.web.CookieSigner;

/**
 * Who may see an order: its customer when signed in, and anyone holding the order's access token, which the
 * confirmation page and e-mail carry for guests (an HMAC of the number with the storefront's signing key).
 */
@ApplicationScoped
public class OrderAccess {

    private final CookieSigner signer;

    OrderAccess(CookieSigner signer) {
        this.signer = signer;
    }

    public String token(String number) {
        String signed = signer.sign(subject(number));
        return signed.substring(signed.lastIndexOf('.') + 1);
    }

    public boolean tokenMatches(String number, String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{20,64}") && signer.verify(subject(number) + "." + token).isPresent();
    }

    /** Path of the order's page that works without signing in. */
    public String guestPath(String number) {
        return "/orders/" + number + "?token=" + token(number);
    }

    private static String subject(String number) {
        return "order:" + number;
    }
}
