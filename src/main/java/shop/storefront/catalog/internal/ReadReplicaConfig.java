package shop.storefront.catalog.internal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Optional;

/**
 * The read replica that catalog listings and search may read from. The keys sit directly under {@code storefront}
 * because the deployment sets them next to the primary database (STOREFRONT_READ_REPLICA_URL), and
 * application.properties builds the catalog's read-only datasource from the URL.
 */
@ConfigMapping(prefix = "storefront")
public interface ReadReplicaConfig {

    /**
     * JDBC URL of a read replica (e.g. the Aurora reader endpoint) for catalog listings and search; without it they
     * read the primary. Credentials are the primary's. No default: most installations have no replica.
     */
    Optional<@Pattern(regexp = "jdbc:postgresql://.+", message = "must be a PostgreSQL JDBC URL") String> readReplicaUrl();

    /**
     * How far the read replica may trail the primary. Catalog entries read within this time of a change are cached
     * only this long, so a listing the replica served from before the change is not kept for the full cache TTL.
     * 10 s is far above the lag a healthy replica shows (usually well under a second), so only a replica in trouble
     * outlasts it.
     */
    @WithDefault("10s")
    Duration readReplicaMaxLag();

    /** The replica lag the catalog cache must allow for: none when listings read the primary. */
    default Duration effectiveLag() {
        return readReplicaUrl().isPresent() ? readReplicaMaxLag() : Duration.ZERO;
    }
}
