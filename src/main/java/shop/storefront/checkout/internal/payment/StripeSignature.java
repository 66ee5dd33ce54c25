package shop.storefront.checkout.internal.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature scheme: header {@code Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of
 * "t.body" with the endpoint secret>}; several v1 entries may appear while a secret is being rolled.
 */
public final class StripeSignature {

    private StripeSignature() {
    }

    /** True when one v1 signature matches and the timestamp is within the tolerance of now. */
    public static boolean verify(String header, String body, String secret, Duration tolerance, Instant now) {
        if (header == null || body == null || secret == null) {
            return false;
        }
        Long timestamp = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                try {
                    timestamp = Long.parseLong(part.substring(2).strip());
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        // Compared as plain seconds: any long is a possible header value, and most are outside Instant's range.
        long earliest = now.getEpochSecond() - tolerance.toSeconds();
        long latest = now.getEpochSecond() + tolerance.toSeconds();
        if (timestamp == null || timestamp < earliest || timestamp > latest) {
            return false;
        }
        byte[] expected = sign(timestamp + "." + body, secret).getBytes(StandardCharsets.US_ASCII);
        for (String part : header.split(",")) {
            if (part.startsWith("v1=") && MessageDigest.isEqual(expected, part.substring(3).strip().getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    /** The hex signature of a payload (also what a test needs to sign its own webhook calls). */
    public static String sign(String payload, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
