package shop.storefront.catalog.internal;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.Optional;

/** Where product images are stored (an S3 bucket), how uploads are checked and where pages link them from. */
@ConfigMapping(prefix = "storefront.images")
public interface ImagesConfig {

    /**
     * Public base URL of the CDN in front of the images bucket (https://…, without a trailing slash), which pages
     * then link images from and the content security policy allows. Unset, pages link the storefront's own
     * {@code /media/…}, which streams the objects from the bucket: right for one machine without a CDN, and for the
     * stack in {@code ansible/cloudformation}, whose CloudFront serves {@code /media/*} of the shop's own domain.
     */
    Optional<@Pattern(regexp = "https://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?",
            message = "must be an https:// URL such as https://d111111abcdef8.cloudfront.net") String> baseUrl();

    /** The S3 bucket holding originals and thumbnails. Required in production; dev and test name their own. */
    @Pattern(regexp = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", message = "must be an S3 bucket name")
    String bucket();

    /**
     * Server-side encryption requested on every object written: {@code AES256} (S3-managed keys) or {@code aws:kms}
     * (with {@link #sseKmsKeyId()}, or the bucket's default KMS key). Requested explicitly, so an object is never
     * stored unencrypted whatever the bucket's default.
     */
    @Pattern(regexp = "AES256|aws:kms", message = "must be AES256 or aws:kms")
    @WithDefault("AES256")
    String sse();

    /** KMS key (id, alias or ARN) for {@code aws:kms}; unset, S3 uses the bucket's default key. */
    Optional<String> sseKmsKeyId();

    /**
     * Largest upload accepted. 10 MB holds a full-resolution photo from any current phone or camera as JPEG; a larger
     * file is refused before its pixels are looked at.
     */
    @WithDefault("10M")
    MemorySize maxUploadSize();

    /**
     * Most pixels an upload may have, read from its header before any decoding: a small file can announce a huge
     * picture (a decompression bomb) whose decoding would exhaust the heap. 50 megapixels (e.g. 8660 × 5774) is
     * more than any product photo needs; such a picture is decoded subsampled (checks and thumbnails need no more),
     * so its pixels never sit in memory at full size.
     */
    @Min(1) @Max(200_000_000)
    @WithDefault("50000000")
    long maxPixels();

    /**
     * Create the bucket at start-up when it is missing. Only for dev and test, where the S3-compatible server
     * (moto_server, LocalStack) starts empty; production buckets are made by the stack, never by the app.
     */
    @WithDefault("false")
    boolean createBucket();
}
