package shop.storefront.account.internal.service;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import shop.storefront.account.internal.AccountConfig;
import shop.storefront.platform.InvalidInput;

/** Password rules and bcrypt hashing. bcrypt reads at most 72 bytes, so longer passwords are refused rather than silently cut. */
@ApplicationScoped
public class Passwords {

    static final int MIN_LENGTH = 8;
    static final int MAX_BYTES = 72;

    private final CommonPasswords common;
    private final int cost;
    /** Compared against when the e-mail is unknown, so that both answers take the same time. */
    private final String decoy;

    Passwords(CommonPasswords common, AccountConfig config) {
        this.common = common;
        this.cost = config.bcryptCost();
        this.decoy = BcryptUtil.bcryptHash("decoy-password-for-timing", cost);
    }

    public String hash(String password) {
        check(password);
        return BcryptUtil.bcryptHash(password, cost);
    }

    public boolean matches(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            BcryptUtil.matches("x", decoy);
            return false;
        }
        return BcryptUtil.matches(password, hash == null ? decoy : hash) && hash != null;
    }

    /**
     * Refuses passwords that are too short (spaces at the start or end do not count, so a password of spaces is
     * refused), too long for bcrypt, or among the most common ones.
     */
    public void check(String password) {
        String stripped = password == null ? "" : withoutSurroundingSpace(password);
        if (stripped.codePointCount(0, stripped.length()) < MIN_LENGTH) {
            throw new InvalidInput("password", "Choose a password of at least " + MIN_LENGTH
                    + " characters (spaces at the start or end do not count).");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidInput("password", "Passwords can be at most " + MAX_BYTES
                    + " bytes long (about 72 letters, fewer with accents or emoji).");
        }
        if (common.contains(stripped)) {
            throw new InvalidInput("password", "This password is one of the most commonly used ones, so it is"
                    + " among the first that attackers try. Choose another, for example a few unrelated words.");
        }
    }

    /** Without leading and trailing space of any kind, no-break spaces included (which {@code strip()} keeps). */
    private static String withoutSurroundingSpace(String password) {
        int start = 0;
        int end = password.length();
        while (start < end && isSpace(password.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(password.charAt(end - 1))) {
            end--;
        }
        return password.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
