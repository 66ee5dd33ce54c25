package shop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import shop.storefront.web.Shopper;

/** Without Cognito settings the shop has no Cognito sign-in: no button, and its paths lead to the sign-in page. */
@QuarkusTest
class CognitoOffByDefaultTest {

    @Test
    void signInPageOffersNoCognitoButton() {
        String page = new Shopper().get("/account/sign-in").asString();
        assertThat(page).contains("Forgot your password?").doesNotContain("Sign in with").doesNotContain("/account/cognito/");
    }

    @Test
    void cognitoPathsLeadToTheSignInPage() {
        for (String path : new String[] {"/account/cognito/sign-in", "/account/cognito/callback?code=x&state=y"}) {
            Response answer = new Shopper().get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(302);
            assertThat(answer.header("Location")).as(path).isEqualTo("/account/sign-in");
        }
        assertThat(new Shopper().get("/account/cognito-refused").header("Location")).isEqualTo("/account/sign-in");
    }

    @Test
    void accountPagesStillAskForTheShopsOwnSignIn() {
        Response answer = new Shopper().get("/account");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.header("Location")).isEqualTo("/account/sign-in");
    }
}
