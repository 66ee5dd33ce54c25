package shop.storefront.catalog.internal.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.RawString;

/**
 * JSON to be written unescaped inside a {@code <script>} data block (JSON-LD, the product page's variant data). HTML
 * escaping would corrupt it (a script element's text is not entity-decoded), so instead every character that could
 * end the element or open a comment ({@code <}, {@code >}, {@code &}) is written as a JSON unicode escape, as are
 * the line separators older parsers reject: product text can never break out of the block.
 */
final class ScriptJson {

    private ScriptJson() {
    }

    static RawString of(ObjectMapper json, Object value) {
        try {
            String text = json.writeValueAsString(value)
                    .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                    .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
            return new RawString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
