package shop.storefront.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The header grammar checked before the framework's parser sees a header. */
class MediaTypeSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "*/*", "text/html, application/xhtml+xml;q=0.9, */*;q=0.8", "application/json;q=1.000",
        "text/*;level=1;q=0", "text/html,,*/*", "text/html; charset=\"utf-8\""})
    void readableAcceptHeaders(String accept) {
        assertThat(MediaTypeSyntax.validAccept(accept)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html;q=2", "foo", "*/*;;;", "text/html;q=", "text/html;q=0.5x", "text/html;q=1.5", "/", "text/",
        "text/html;level", "text/html;q=-1", "téxt/html", "text/html;x=\"unterminated", "text html"})
    void unreadableAcceptHeaders(String accept) {
        assertThat(MediaTypeSyntax.validAccept(accept)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/x-www-form-urlencoded", "application/json; charset=UTF-8",
        "multipart/form-data; boundary=----abc123", "multipart/form-data; boundary=\"quoted boundary\"", "text/plain"})
    void usableContentTypes(String type) {
        assertThat(MediaTypeSyntax.contentTypeProblem(type)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "foo", "application/", "application/json;", "application/json; charset=utf-99",
        "application/json; charset=\"\"", "multipart/form-data", "multipart/form-data; boundary=", "text/plain; charset=®",
        "application/x-www-form-urlencoded;;;", "multipart/mixed; boundary=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void unusableContentTypesSayWhy(String type) {
        assertThat(MediaTypeSyntax.contentTypeProblem(type)).isNotBlank();
    }
}
