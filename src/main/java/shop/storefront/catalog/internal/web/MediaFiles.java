package shop.storefront.catalog.internal.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Arrays;
import shop.storefront.catalog.internal.images.ImageStore;
import shop.storefront.catalog.internal.images.Renditions;
import shop.storefront.platform.NotFound;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Serves stored product images at {@code /media/<key>} when no CDN is in front (dev, a single machine): streamed
 * from the bucket, cacheable for a year (keys are content-addressed, so an object never changes), with the content
 * hash as a strong ETag. Only keys this application writes are looked up; anything else is a 404 without touching S3.
 */
@Path("/media")
public class MediaFiles {

    private static final String NO_SUCH_IMAGE = "There is no such image.";

    private final ImageStore store;

    MediaFiles(ImageStore store) {
        this.store = store;
    }

    @GET
    @Path("{key: .+}")
    public Response file(@PathParam("key") String key, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Renditions.Key parsed = Renditions.parse(key).orElseThrow(() -> new NotFound(NO_SUCH_IMAGE));
        String etag = "\"" + parsed.etag() + "\"";
        if (matches(ifNoneMatch, etag)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, ImageStore.CACHE_CONTROL)
                    .build();
        }
        ResponseInputStream<GetObjectResponse> object = store.open(key).orElseThrow(() -> new NotFound(NO_SUCH_IMAGE));
        StreamingOutput body = out -> {
            try (object) {
                object.transferTo(out);
            }
        };
        return Response.ok(body, parsed.format().mediaType()).header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, ImageStore.CACHE_CONTROL)
                .header(HttpHeaders.CONTENT_LENGTH, object.response().contentLength()).build();
    }

    /** {@code If-None-Match}: a list of entity tags, weak ones comparing equal for GET. */
    private static boolean matches(String ifNoneMatch, String etag) {
        return ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(etag::equals);
    }
}
