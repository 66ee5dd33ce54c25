package shop.storefront.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Storefront-wide settings; SmallRye validates them at start-up and names any bad one. */
@ConfigMapping(prefix = "storefront")
public interface StorefrontConfig {

    /** Public origin shoppers see, e.g. https://shop.example.com (canonical links, sitemap). */
    @Pattern(regexp = "https?://[^/\\s]+", message = "must be an origin such as https://shop.example.com, without a path or trailing slash")
    String baseUrl();

    /** ISO 4217 code of the store's currency. */
    @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
    @WithDefault("EUR")
    String currency();

    /**
     * Key for signing cookies (cart, CSRF); at least 32 characters, the same on every instance. Rotating it
     * signs guests out of their carts, nothing worse.
     */
    @Size(min = 32, message = "must be at least 32 characters (e.g. openssl rand -base64 48)")
    String signingKey();

    /**
     * JDBC URL of a read replica (e.g. the Aurora reader endpoint) for catalog listings and search; without it they
     * read the primary. Credentials are the primary's.
     */
    java.util.Optional<@Pattern(regexp = "jdbc:postgresql://.+", message = "must be a PostgreSQL JDBC URL") String> readReplicaUrl();

    /**
     * How far the read replica may trail the primary. Catalog entries read within this time of a change are cached
     * only this long, so a listing the replica served from before the change is not kept for the full cache TTL.
     */
    @WithDefault("10s")
    Duration readReplicaMaxLag();

    /** Largest request body the storefront reads (forms, JSON); larger ones get a 413 with a message. */
    @WithDefault("1M")
    io.quarkus.runtime.configuration.MemorySize maxBodySize();

    /**
     * Proxies allowed to say who the client is (X-Forwarded-For, X-Forwarded-Proto): IP addresses or CIDR blocks.
     * Narrow it to the ALB's subnets in production; connections from anywhere else are taken at face value.
     */
    @WithDefault("127.0.0.1,::1,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16")
    java.util.List<String> trustedProxies();

    /** Countries the store delivers to (ISO 3166-1 alpha-2), for address forms and checkout. */
    @WithDefault("AT,BE,DE,DK,ES,FI,FR,GB,IE,IT,LU,NL,NO,PL,PT,SE")
    java.util.List<@Pattern(regexp = "[A-Z]{2}", message = "must be ISO 3166-1 alpha-2 codes such as DE") String> countries();

    Catalog catalog();

    Cart cart();

    Account account();

    Images images();

    DemoCatalog demoCatalog();

    interface Catalog {
        @Min(1) @Max(200)
        @WithDefault("24")
        int pageSize();

        @Min(1) @Max(500)
        @WithDefault("96")
        int maxPageSize();

        /** How long a cached catalog read may live; changes made through the app refresh sooner. */
        @WithDefault("10m")
        Duration cacheTtl();

        /** A sale that leaves a SKU at or below this many units sends a low-stock alert. */
        @Min(0)
        @WithDefault("5")
        int lowStockThreshold();

        /** Who gets low-stock alerts; without it the alert is only a log line. A malformed address stops start-up. */
        java.util.Optional<EmailAddress> lowStockAlertTo();
    }

    interface Cart {
        /** Sliding expiry of a cart and its cookie. */
        @WithDefault("30d")
        Duration ttl();

        @Min(1) @Max(999)
        @WithDefault("99")
        int maxQuantity();

        @Min(1) @Max(500)
        @WithDefault("50")
        int maxLines();

        /** A signed-in customer's cart left unchanged this long gets one reminder e-mail (if they asked for reminders). */
        @WithDefault("24h")
        Duration reminderAfter();

        /** How often each instance looks for idle carts. */
        @WithDefault("5m")
        Duration reminderScanInterval();
    }

    interface Account {
        /** A signed-in session ends after this long without a visit. */
        @WithDefault("14d")
        Duration sessionTtl();

        /** bcrypt work factor: each step doubles the cost of a sign-in (and of guessing). */
        @Min(10) @Max(16)
        @WithDefault("12")
        int bcryptCost();

        /**
         * Sign-in, sign-up and reset attempts allowed per minute and client address; reset requests are also limited
         * to this many per account. Sign-ins per account are slowed down instead ({@link #signInDelayMax()}).
         */
        @Min(1) @Max(1000)
        @WithDefault("5")
        int signInAttemptsPerMinute();

        /**
         * Longest wait before answering a sign-in for an account with recent failed sign-ins. The wait grows with
         * the failures (none for the first three, then 1 s, 2 s, 4 s …) and stops growing here.
         */
        @WithDefault("10s")
        Duration signInDelayMax();

        @WithDefault("30m")
        Duration resetLinkTtl();
    }

    interface Images {
        /** Where stored (non-placeholder) product images are served from, e.g. the CDN in front of the bucket. */
        @WithDefault("/media")
        String baseUrl();
    }

    interface DemoCatalog {
        /** Generate a demo catalog at start-up when the catalog is empty (always afresh in tests). */
        @WithDefault("false")
        boolean enabled();

        @Min(1) @Max(2_000_000)
        @WithDefault("520")
        int products();

        /** Replace an existing catalog instead of keeping it. */
        @WithDefault("false")
        boolean replace();
    }
}
