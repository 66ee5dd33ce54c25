package shop.storefront.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged storefront refuses to start on missing or bad settings, naming each one. */
class StartupConfigIT {

    @Test
    void missingRequiredSettingsAreNamed() throws Exception {
        String output = start(Map.of());
        assertThat(output).contains("storefront.base-url is required", "storefront.signing-key is required",
                "storefront.checkout.bank-account.iban are required while bank-transfer is in storefront.checkout.offline-payment-methods",
                "storefront.images.bucket");
    }

    @Test
    void badSettingsAreNamedWithWhatIsExpected() throws Exception {
        String output = start(Map.of("STOREFRONT_BASE_URL", "shop.example.com/", "STOREFRONT_SIGNING_KEY", "short",
                "STOREFRONT_CATALOG_PAGE_SIZE", "0", "STOREFRONT_READ_REPLICA_URL", "postgres://reader.example.com/shop",
                "STOREFRONT_OUTBOX_MAX_ATTEMPTS", "0", "STOREFRONT_CHECKOUT_BANK_ACCOUNT_PAYEE", "Storefront GmbH",
                "STOREFRONT_CHECKOUT_BANK_ACCOUNT_IBAN", "DE89 3704 0044 0532 0130 01", "STOREFRONT_IMAGES_SSE", "none",
                // present, so that the images settings are checked for their values rather than stopped at the missing bucket
                "STOREFRONT_IMAGES_BUCKET", "storefront-images"));
        assertThat(output).contains("storefront.base-url must be an origin such as https://shop.example.com",
                "storefront.signing-key must be at least 32 characters", "storefront.catalog.page-size",
                "storefront.read-replica-url must be a PostgreSQL JDBC URL", "storefront.outbox.max-attempts",
                "storefront.checkout.bank-account.iban is not a valid IBAN", "storefront.images.sse must be AES256 or aws:kms");
    }

    @Test
    void cognitoSettingsComeTogetherAndAreChecked() throws Exception {
        assertThat(start(Map.of("STOREFRONT_ACCOUNT_COGNITO_ISSUER", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example")))
                .contains("storefront.account.cognito.client-id and storefront.account.cognito.client-secret are required"
                        + " for sign-in with Amazon Cognito");
        assertThat(start(Map.of("STOREFRONT_ACCOUNT_COGNITO_ISSUER", "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example",
                "STOREFRONT_ACCOUNT_COGNITO_CLIENT_ID", "example", "STOREFRONT_ACCOUNT_COGNITO_CLIENT_SECRET", "example-secret")))
                .contains("storefront.account.cognito.issuer must be the user pool's issuer URL");
    }

    /** Starts the jar in the prod profile with only these settings; returns its output once it has exited. */
    private static String start(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar")).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("STOREFRONT_") || k.startsWith("QUARKUS_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits by itself").isTrue();
        assertThat(process.exitValue()).as("non-zero exit").isNotZero();
        return output;
    }
}
