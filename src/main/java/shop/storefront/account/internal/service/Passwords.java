package shop.storefront.account.internal.service;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import shop.storefront.account.AccountException;
import shop.storefront.platform.StorefrontConfig;

/** bcrypt hashing. bcrypt reads at most 72 bytes, so longer passwords are refused rather than silently cut. */
@ApplicationScoped
public class Passwords {

    static final int MIN_LENGTH = 8;
    static final int MAX_BYTES = 72;

    private final int cost;
    /** Compared against when the e-mail is unknown, so that both answers take the same time. */
    private final String decoy;

    Passwords(StorefrontConfig config) {
        this.cost = config.account().bcryptCost();
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

    public static void check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new AccountException(400, "password", "Choose a password of at least " + MIN_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new AccountException(400, "password", "Passwords can be at most " + MAX_BYTES
                    + " bytes long (about 72 letters, fewer with accents or emoji).");
        }
    }
}
