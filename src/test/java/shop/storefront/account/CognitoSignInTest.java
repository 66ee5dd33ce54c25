package shop.storefront.account;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.Inventory;
import shop.storefront.web.Shopper;

/**
 * Sign-in with Amazon Cognito against a local stand-in for the user pool ({@link CognitoStub}): the browser's redirect
 * to Cognito, its return with a code, the ID token's checks, the account linked by verified e-mail, the cart merge
 * and sign-out through Cognito's logout endpoint.
 */
@QuarkusTest
@QuarkusTestResource(value = CognitoStub.class, restrictToAnnotatedClass = true)
class CognitoSignInTest {

    @Inject
    CatalogOracle db;
    @Inject
    RedisDataSource redis;
    @Inject
    Inventory inventory;

    /** What the shop put into the redirect to Cognito's sign-in page. */
    record Authorize(Map<String, String> params) {
        String state() {
            return params.get("state");
        }

        String nonce() {
            return params.get("nonce");
        }
    }

    @BeforeEach
    void freshRateLimits() {
        Accounts.resetRateLimits(redis);
    }

    @Test
    void newCustomerIsCreatedSignedInWithCartMergedAndSignsOutAtCognito() throws Exception {
        Shopper shopper = new Shopper();
        String sku = db.string("SELECT v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id"
                + " WHERE p.status = 'active' ORDER BY v.id OFFSET 90 LIMIT 1");
        inventory.setStock(sku, 10);
        assertThat(shopper.keep(shopper.request().contentType("application/json")
                .body(Map.of("sku", sku, "quantity", 2)).post("/api/v1/cart/items")).statusCode()).isEqualTo(200);
        assertThat(shopper.get("/account/sign-in").asString()).contains("Sign in with " + CognitoStub.PROVIDER);

        Authorize authorize = begin(shopper);
        assertThat(authorize.params()).containsEntry("response_type", "code").containsEntry("client_id", CognitoStub.CLIENT_ID)
                .containsEntry("code_challenge_method", "S256").containsKeys("state", "nonce", "code_challenge");
        assertThat(authorize.params().get("redirect_uri")).endsWith("/account/cognito/callback");
        assertThat(authorize.params().get("scope").split(" ")).contains("openid", "email");

        String email = Accounts.newEmail();
        Response back = callback(shopper, authorize, CognitoStub.signedByPool(CognitoStub.idToken(email, true, authorize.nonce())));
        assertThat(back.statusCode()).as(back.asString()).isEqualTo(303);
        assertThat(back.header("Location")).isEqualTo("/account");
        assertThat(shopper.cookie("__Host-session")).isNotNull();
        assertThat(back.getDetailedCookies().asList()).as("no OIDC session kept in the browser")
                .noneMatch(c -> c.getName().startsWith("q_session") && c.getMaxAge() != 0 && !c.getValue().isEmpty());
        assertPkceVerifierMatches(authorize);

        assertThat(db.longValue("SELECT count(*) FROM account.customer WHERE email = ? AND password_hash IS NULL", email)).isEqualTo(1);
        assertThat(shopper.get("/account").asString()).contains(email);
        assertThat(shopper.keep(shopper.request().get("/api/v1/cart")).jsonPath()
                .getInt("lines.find { it.sku == '" + sku + "' }.quantity")).as("guest cart merged").isEqualTo(2);

        Response signOut = shopper.submit("/account", "/account/sign-out", Map.of());
        assertThat(signOut.statusCode()).isEqualTo(303);
        assertThat(signOut.header("Location")).startsWith(CognitoStub.base() + "/logout?")
                .contains("client_id=" + CognitoStub.CLIENT_ID, "logout_uri=http%3A%2F%2Flocalhost%3A8081%2F");
        assertThat(shopper.get("/account").statusCode()).as("shop session ended").isEqualTo(302);
    }

    @Test
    void returningCustomerWithTheSameVerifiedEmailGetsTheirAccount() {
        Shopper local = new Shopper();
        String email = Accounts.signedUp(local);
        String publicId = db.string("SELECT public_id::text FROM account.customer WHERE email = ?", email);

        Shopper shopper = new Shopper();
        Authorize authorize = begin(shopper);
        Response back = callback(shopper, authorize, CognitoStub.signedByPool(CognitoStub.idToken(email, true, authorize.nonce())));
        assertThat(back.statusCode()).as(back.asString()).isEqualTo(303);
        assertThat(sessionCustomer(shopper)).isEqualTo(publicId);
        assertThat(Accounts.signIn(new Shopper(), email, Accounts.PASSWORD).statusCode()).as("password still works").isEqualTo(303);
    }

    @Test
    void unverifiedEmailIsRefusedAndLinksNothing() {
        Shopper local = new Shopper();
        String email = Accounts.signedUp(local);

        Shopper shopper = new Shopper();
        Authorize authorize = begin(shopper);
        Response back = callback(shopper, authorize, CognitoStub.signedByPool(CognitoStub.idToken(email, false, authorize.nonce())));
        assertThat(back.statusCode()).isEqualTo(401);
        assertThat(back.asString()).contains("not verified");
        assertThat(shopper.cookie("__Host-session")).isNull();

        String unknown = Accounts.newEmail();
        Authorize again = begin(shopper);
        assertThat(callback(shopper, again, CognitoStub.signedByPool(CognitoStub.idToken(unknown, false, again.nonce()))).statusCode())
                .isEqualTo(401);
        assertThat(db.longValue("SELECT count(*) FROM account.customer WHERE email = ?", unknown)).as("no account made").isZero();
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() {
        assertRefused(authorize -> CognitoStub.forged(CognitoStub.idToken(Accounts.newEmail(), true, authorize.nonce())));
    }

    @Test
    void tokenForAnotherClientIsRefused() {
        assertRefused(authorize -> CognitoStub.signedByPool(CognitoStub.idToken(Accounts.newEmail(), true, authorize.nonce())
                .audience("another-app-client")));
    }

    @Test
    void expiredTokenIsRefused() {
        java.time.Instant past = java.time.Instant.now().minusSeconds(3600);
        assertRefused(authorize -> CognitoStub.signedByPool(CognitoStub.idToken(Accounts.newEmail(), true, authorize.nonce())
                .issuedAt(past).expiresAt(past.plusSeconds(300))));
    }

    @Test
    void tokenForAnotherSignInIsRefused() {
        assertRefused(authorize -> CognitoStub.signedByPool(CognitoStub.idToken(Accounts.newEmail(), true, "another-nonce")));
    }

    @Test
    void codeArrivingWithAnotherStateIsNotExchanged() {
        Shopper shopper = new Shopper();
        Authorize authorize = begin(shopper);
        String email = Accounts.newEmail();
        String code = UUID.randomUUID().toString();
        CognitoStub.answerCode(code, CognitoStub.signedByPool(CognitoStub.idToken(email, true, authorize.nonce())));
        String forgedState = UUID.randomUUID().toString();
        Response back = shopper.keep(shopper.request().accept("text/html").queryParam("code", code)
                .queryParam("state", forgedState).get("/account/cognito/callback"));
        assertThat(back.statusCode()).as(back.header("Location")).isIn(302, 303);
        assertThat(back.header("Location")).as("a new sign-in at Cognito or the refusal")
                .matches(location -> location.equals("/account/cognito-refused")
                        || location.startsWith(CognitoStub.base() + "/oauth2/authorize?") && !location.contains(forgedState));
        assertThat(CognitoStub.server().findAll(postRequestedFor(urlPathEqualTo("/oauth2/token"))
                .withRequestBody(containing("code=" + code)))).as("code never exchanged").isEmpty();
        assertThat(shopper.cookie("__Host-session")).isNull();
        assertThat(db.longValue("SELECT count(*) FROM account.customer WHERE email = ?", email)).isZero();
    }

    private void assertRefused(java.util.function.Function<Authorize, String> token) {
        Shopper shopper = new Shopper();
        Authorize authorize = begin(shopper);
        assertRefusalPage(shopper, callback(shopper, authorize, token.apply(authorize)));
    }

    /** A refused flow leads to the sign-in page, answered 401 and saying so, with no session and no OIDC cookie left. */
    private static void assertRefusalPage(Shopper shopper, Response back) {
        assertThat(back.statusCode()).as(back.asString()).isEqualTo(303);
        assertThat(back.header("Location")).isEqualTo("/account/cognito-refused");
        assertThat(shopper.cookie("__Host-session")).isNull();
        Response page = shopper.get("/account/cognito-refused");
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.asString()).contains("Signing in with " + CognitoStub.PROVIDER + " did not work");
        assertThat(page.asString()).contains("Sign in with " + CognitoStub.PROVIDER);
    }

    /** Follows the sign-in button: the shop answers with a redirect to Cognito's sign-in page. */
    private static Authorize begin(Shopper shopper) {
        Response start = shopper.get("/account/cognito/sign-in");
        assertThat(start.statusCode()).as(start.asString()).isEqualTo(302);
        URI location = URI.create(start.header("Location"));
        assertThat(location.toString()).startsWith(CognitoStub.base() + "/oauth2/authorize?");
        return new Authorize(Arrays.stream(location.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8))));
    }

    /** Cognito sends the browser back with a fresh code, which its token endpoint exchanges for this ID token. */
    private static Response callback(Shopper shopper, Authorize authorize, String idToken) {
        String code = UUID.randomUUID().toString();
        CognitoStub.answerCode(code, idToken);
        return shopper.keep(shopper.request().accept("text/html").queryParam("code", code)
                .queryParam("state", authorize.state()).get("/account/cognito/callback"));
    }

    /** The token request proved it holds the verifier behind the challenge the redirect carried (PKCE, S256). */
    private static void assertPkceVerifierMatches(Authorize authorize) throws Exception {
        var requests = CognitoStub.server().findAll(postRequestedFor(urlPathEqualTo("/oauth2/token"))
                .withRequestBody(containing("code_verifier=")));
        assertThat(requests).isNotEmpty();
        String body = requests.getLast().getBodyAsString();
        String verifier = URLDecoder.decode(Arrays.stream(body.split("&")).filter(p -> p.startsWith("code_verifier="))
                .findFirst().orElseThrow().substring("code_verifier=".length()), StandardCharsets.UTF_8);
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        assertThat(challenge).isEqualTo(authorize.params().get("code_challenge"));
    }

    private String sessionCustomer(Shopper shopper) {
        String cookie = shopper.cookie("__Host-session");
        return redis.hash(String.class).hget("session:" + cookie.substring(0, cookie.lastIndexOf('.')), "customer");
    }
}
