package shop.storefront.catalog.internal.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;
import shop.storefront.catalog.internal.ImagesConfig;
import shop.storefront.catalog.internal.images.ImageChecks;
import shop.storefront.web.LargeBodyRoute;

/**
 * The picture upload's body limit, derived from the one picture limit ({@code storefront.images.max-upload-size}):
 * a picture of that size plus the form around it gets through to the checks; a larger body is refused before it is
 * read, with the same words the checks use.
 */
@ApplicationScoped
public class PictureUploadLimit implements LargeBodyRoute {

    /**
     * Room for the rest of the form: part headers, boundaries, the CSRF token, the colour and up to 300 characters of
     * alt text (a few KB at most).
     */
    static final long FORM_OVERHEAD = 64 * 1024;
    private static final Pattern UPLOAD = Pattern.compile("/admin/products/[0-9]{1,18}/images");

    private final long maxPicture;

    PictureUploadLimit(ImagesConfig config) {
        this.maxPicture = config.maxUploadSize().asLongValue();
    }

    @Override
    public boolean receives(String method, String path) {
        return "POST".equals(method) && UPLOAD.matcher(path).matches();
    }

    @Override
    public long maxBodySize() {
        return maxPicture + FORM_OVERHEAD;
    }

    @Override
    public String tooLarge() {
        return ImageChecks.tooLargeMessage(maxPicture);
    }

    @Override
    public String setting() {
        return "storefront.images.max-upload-size";
    }

    /** The limit in words, for the form's hint. */
    String maxPicture() {
        return ImageChecks.inWords(maxPicture);
    }
}
