package shop.storefront.account;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Map;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * A Cognito user pool as a WireMock server on a free loopback port: discovery, keys and the token endpoint, with ID
 * tokens signed by a key made for the test run. The authorize endpoint is never called: the test reads the redirect
 * to it and plays the browser coming back.
 */
public class CognitoStub implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "storefronttestclient";
    public static final String CLIENT_SECRET = "test-only-cognito-client-secret-not-for-production";
    public static final String PROVIDER = "Example ID";
    static final String KEY_ID = "test-key-1";

    private static WireMockServer server;
    private static KeyPair poolKey;

    @Override
    public Map<String, String> start() {
        poolKey = newKey();
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        String issuer = issuer();
        server.stubFor(get(urlPathEqualTo("/pool/.well-known/openid-configuration")).willReturn(okJson("""
                {"issuer": "%1$s", "authorization_endpoint": "%2$s/oauth2/authorize", "token_endpoint": "%2$s/oauth2/token",
                 "jwks_uri": "%1$s/.well-known/jwks.json", "userinfo_endpoint": "%2$s/oauth2/userInfo",
                 "response_types_supported": ["code"], "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"], "scopes_supported": ["openid", "email"]}
                """.formatted(issuer, base()))));
        server.stubFor(get(urlPathEqualTo("/pool/.well-known/jwks.json")).willReturn(okJson(jwks())));
        return Map.of("storefront.account.cognito.issuer", issuer,
                "storefront.account.cognito.client-id", CLIENT_ID,
                "storefront.account.cognito.client-secret", CLIENT_SECRET,
                "storefront.account.cognito.logout-url", base() + "/logout",
                "storefront.account.cognito.provider-name", PROVIDER);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static WireMockServer server() {
        return server;
    }

    public static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    public static String issuer() {
        return base() + "/pool";
    }

    /** The claims of an ID token Cognito would issue for this user and sign-in (nonce), valid for 5 minutes. */
    public static JwtClaimsBuilder idToken(String email, boolean verified, String nonce) {
        Instant now = Instant.now();
        return Jwt.issuer(issuer()).audience(CLIENT_ID).subject("sub-" + email).claim("email", email)
                .claim("email_verified", verified).claim("nonce", nonce).claim("token_use", "id")
                .issuedAt(now).expiresAt(now.plusSeconds(300));
    }

    public static String signedByPool(JwtClaimsBuilder claims) {
        return sign(claims, poolKey.getPrivate());
    }

    /** Signed by a key of the attacker's, under the pool key's id. */
    public static String forged(JwtClaimsBuilder claims) {
        return sign(claims, newKey().getPrivate());
    }

    private static String sign(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().keyId(KEY_ID).algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign(key);
    }

    /** The token endpoint answers this code (and no other) with the ID token. */
    public static void answerCode(String code, String idToken) {
        server.stubFor(post(urlPathEqualTo("/oauth2/token")).withRequestBody(containing("code=" + code))
                .willReturn(okJson("""
                        {"access_token": "opaque-access-%s", "id_token": "%s", "token_type": "Bearer", "expires_in": 3600}
                        """.formatted(code, idToken))));
    }

    private static String jwks() {
        try {
            RsaJsonWebKey key = new RsaJsonWebKey((RSAPublicKey) poolKey.getPublic());
            key.setKeyId(KEY_ID);
            key.setAlgorithm("RS256");
            key.setUse("sig");
            return new JsonWebKeySet(key).toJson();
        } catch (RuntimeException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
