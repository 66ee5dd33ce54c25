package shop.storefront.account.internal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** Sessions, password hashing and the limits that protect sign-in. */
@ConfigMapping(prefix = "storefront.account")
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
}
