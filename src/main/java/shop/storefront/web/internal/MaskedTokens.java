package shop.storefront.web.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A secret as it may appear in a compressed page: a fresh random pad followed by the secret XOR that pad, in URL-safe
 * base64. Every rendering differs, so compression ratios (BREACH) tell an attacker nothing about the secret, while
 * unmasking gives the same secret back.
 */
final class MaskedTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private MaskedTokens() {
    }

    static String mask(byte[] secret) {
        byte[] masked = new byte[secret.length * 2];
        byte[] pad = new byte[secret.length];
        RANDOM.nextBytes(pad);
        for (int i = 0; i < secret.length; i++) {
            masked[i] = pad[i];
            masked[secret.length + i] = (byte) (pad[i] ^ secret[i]);
        }
        return ENCODER.encodeToString(masked);
    }

    /**
     * The secret inside a masked value of a secret {@code length} bytes long; empty for anything else (wrong length,
     * not base64url), checked before any decoding, so an oversized value costs nothing.
     */
    static Optional<byte[]> unmask(String masked, int length) {
        if (masked == null || masked.length() != ENCODER.encodeToString(new byte[length * 2]).length()) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(masked);
        } catch (IllegalArgumentException notBase64Url) {
            return Optional.empty();
        }
        byte[] secret = new byte[length];
        for (int i = 0; i < length; i++) {
            secret[i] = (byte) (bytes[i] ^ bytes[length + i]);
        }
        return Optional.of(secret);
    }
}
