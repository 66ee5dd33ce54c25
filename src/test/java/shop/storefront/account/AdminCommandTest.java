package shop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.web.Shopper;

/** Admins come only from the documented ops command, never from sign-up. */
@QuarkusTest
class AdminCommandTest {

    @Inject
    CatalogOracle db;
    @Inject
    RedisDataSource redis;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String username;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @BeforeEach
    void freshRateLimits() {
        Accounts.resetRateLimits(redis);
    }

    @Test
    void signUpCannotAskForTheAdminRole() {
        String email = Accounts.newEmail();
        new Shopper().submit("/account/sign-up", "/account/sign-up",
                Map.of("email", email, "password", Accounts.PASSWORD, "role", "admin"));
        assertThat(db.string("SELECT role FROM account.customer WHERE email = ?", email)).isEqualTo("customer");
    }

    @Test
    void promoteCommandMakesAnAdminFromTheNextSignIn() throws Exception {
        Shopper shopper = new Shopper();
        String email = Accounts.signedUp(shopper);
        Result result = promote(email.toUpperCase());
        assertThat(result.exit).as(result.output).isZero();
        assertThat(result.output).contains(email + " is now an administrator");
        assertThat(db.string("SELECT role FROM account.customer WHERE email = ?", email)).isEqualTo("admin");

        Shopper fresh = new Shopper();
        Accounts.signIn(fresh, email, Accounts.PASSWORD);
        String session = fresh.cookie("__Host-session");
        assertThat(redis.hash(String.class).hget("session:" + session.substring(0, session.lastIndexOf('.')), "role")).isEqualTo("admin");

        Result unknown = promote("nobody-" + email);
        assertThat(unknown.exit).isEqualTo(1);
        assertThat(unknown.output).contains("No account with e-mail");
        Result injection = promote("x' OR '1'='1");
        assertThat(injection.exit).isEqualTo(1);
        assertThat(db.longValue("SELECT count(*) FROM account.customer WHERE role = 'admin'")).isEqualTo(1);
    }

    private record Result(int exit, String output) {
    }

    private Result promote(String email) throws Exception {
        URI db = URI.create(jdbcUrl.substring("jdbc:".length()));
        ProcessBuilder builder = new ProcessBuilder("bash", "src/ops/promote-admin.sh", email).redirectErrorStream(true);
        builder.environment().putAll(Map.of("PGHOST", db.getHost(), "PGPORT", Integer.toString(db.getPort()),
                "PGDATABASE", db.getPath().substring(1), "PGUSER", username, "PGPASSWORD", password.orElse("")));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("exits (a ceiling for a busy machine)").isTrue();
        return new Result(process.exitValue(), output);
    }
}
