package shop.storefront.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import shop.storefront.web.internal.WebConfig;

/**
 * Signs cookie values with HMAC-SHA256 under the configured signing key, so any instance can trust a cookie
 * another instance issued, and a tampered cookie is simply ignored.
 */
@ApplicationScoped
public class CookieSigner {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    CookieSigner(WebConfig config) {
        this.key = new SecretKeySpec(config.signingKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** A fresh random identifier (128 bits, URL-safe). */
    public static String randomId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String sign(String value) {
        return value + "." + signature(value);
    }

    /** The value of a correctly signed cookie, or empty when it is missing, malformed or tampered with. */
    public Optional<String> verify(String signed) {
        if (signed == null) {
            return Optional.empty();
        }
        int dot = signed.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String value = signed.substring(0, dot);
        byte[] expected = signature(value).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signed.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(value) : Optional.empty();
    }

    /** The HMAC of a value alone (URL-safe base64), for tokens derived from other secrets. */
    public String signature(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
