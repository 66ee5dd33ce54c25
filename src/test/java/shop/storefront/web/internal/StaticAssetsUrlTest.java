package shop.storefront.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shop.storefront.platform.ConfigStub;

/** Static-file URLs start at the CDN when one is configured, and only files that exist get one. */
class StaticAssetsUrlTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://d111111abcdef8.cloudfront.net", "https://d111111abcdef8.cloudfront.net/"})
    void urlsStartAtTheCdnWhenOneIsConfigured(String cdn) {
        String url = assets(Optional.of(cdn)).url("/css/site.css");
        assertThat(url).matches("https://d111111abcdef8\\.cloudfront\\.net/assets/[0-9a-f]{12}/css/site\\.css");
    }

    @Test
    void withoutACdnTheAppsOwnPathsAreLinked() {
        assertThat(assets(Optional.empty()).url("/favicon.svg")).matches("/assets/[0-9a-f]{12}/favicon\\.svg");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/css/nope.css", "/application.properties", "/../META-INF/resources/css/site.css", "css/site.css"})
    void aFileThatIsNotAServedStaticFileHasNoUrl(String path) {
        assertThatThrownBy(() -> assets(Optional.empty()).url(path)).hasMessageContaining(path);
    }

    private static StaticAssets assets(Optional<String> cdn) {
        return new StaticAssets(ConfigStub.of(WebConfig.class, Map.of("assetsBaseUrl", cdn)));
    }
}
