package shop.storefront.account.internal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Optional;

/** Sessions, password hashing, the limits that protect sign-in, and sign-in with Amazon Cognito. */
@ConfigMapping(prefix = "storefront.account")
@CognitoSettingsComplete
public interface AccountConfig {

    /** A signed-in session ends after this long without a visit. Two weeks spares regular customers a sign-in. */
    @WithDefault("14d")
    Duration sessionTtl();

    /**
     * bcrypt work factor: each step doubles the cost of a sign-in (and of guessing). 12 takes a few hundred
     * milliseconds of CPU per sign-in on current servers, the usual balance between both.
     */
    @Min(10) @Max(16)
    @WithDefault("12")
    int bcryptCost();

    /**
     * Sign-in, sign-up and reset attempts allowed per minute and client address; reset requests are also limited
     * to this many per account. Sign-ins per account are slowed down instead ({@link #signInDelayMax()}). 5 leaves
     * room for typos and stops scripted guessing.
     */
    @Min(1) @Max(1000)
    @WithDefault("5")
    int signInAttemptsPerMinute();

    /**
     * Longest wait before answering a sign-in for an account with recent failed sign-ins. The wait grows with
     * the failures (none for the first three, then 1 s, 2 s, 4 s …) and stops growing here, so a customer locked
     * out by someone else's guessing still gets in within 10 s.
     */
    @WithDefault("10s")
    Duration signInDelayMax();

    /** How long a password-reset link works. 30 minutes is enough to read the mail and short for a leaked link. */
    @WithDefault("30m")
    Duration resetLinkTtl();

    /** Sign-in with Amazon Cognito (OpenID Connect) beside local accounts; off while {@code issuer} is unset. */
    Cognito cognito();

    interface Cognito {

        /**
         * The user pool's issuer, https://cognito-idp.&lt;region&gt;.amazonaws.com/&lt;user pool id&gt;: its discovery
         * document names the sign-in, token and key endpoints. Unset: no Cognito sign-in. Plain http only on loopback (tests).
         */
        Optional<@Pattern(regexp = "https://[^/\\s?#]+(/[^\\s?#]*)?|http://(localhost|127[.]0[.]0[.]1)(:[0-9]{1,5})?(/[^\\s?#]*)?",
                message = "must be the user pool's issuer URL, https://cognito-idp.<region>.amazonaws.com/<user pool id>") String> issuer();

        /** The app client's id (App integration → App clients in the Cognito console). */
        Optional<@Pattern(regexp = "[\\w+]{1,128}", message = "must be the Cognito app client's id (letters and digits)") String> clientId();

        /** The app client's secret; never in a file that is committed. */
        Optional<String> clientSecret();

        /**
         * Cognito's logout endpoint, https://&lt;user pool domain&gt;/logout: after the shop's own session ends, the
         * browser is sent there so that Cognito forgets the sign-in too. Unset: signing out ends only the shop's session.
         */
        Optional<@Pattern(regexp = "https://[^\\s?#]+|http://(localhost|127[.]0[.]0[.]1)(:[0-9]{1,5})?/[^\\s?#]*",
                message = "must be the user pool domain's logout endpoint, https://<domain>/logout") String> logoutUrl();

        /** The name on the sign-in page's button, "Sign in with …": what shoppers know the identity provider as. */
        @WithDefault("Amazon Cognito")
        @Size(min = 1, max = 60)
        String providerName();

        default boolean enabled() {
            return issuer().isPresent();
        }
    }
}
