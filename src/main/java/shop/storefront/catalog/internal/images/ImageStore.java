package shop.storefront.catalog.internal.images;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;
import shop.storefront.catalog.internal.ImagesConfig;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The images bucket. Objects sit under {@code media/}, mirroring the public URL paths ({@code /media/products/…}),
 * so a CDN can map {@code /media/*} straight onto the bucket. Every object is written with server-side encryption
 * requested and a year-long, immutable Cache-Control, which the CDN passes on: keys are content-addressed.
 */
@ApplicationScoped
public class ImageStore {

    public static final String CACHE_CONTROL = "public, max-age=31536000, immutable";
    private static final String PREFIX = "media/";
    private static final Logger LOG = Logger.getLogger(ImageStore.class);

    private final S3Client s3;
    private final ImagesConfig config;

    ImageStore(S3Client s3, ImagesConfig config) {
        this.s3 = s3;
        this.config = config;
    }

    public boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(config.bucket()).key(PREFIX + key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    public void put(String key, byte[] bytes, String mediaType) {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(config.bucket()).key(PREFIX + key)
                .contentType(mediaType).cacheControl(CACHE_CONTROL)
                .serverSideEncryption(ServerSideEncryption.fromValue(config.sse()));
        if (config.sse().equals(ServerSideEncryption.AWS_KMS.toString())) {
            config.sseKmsKeyId().ifPresent(request::ssekmsKeyId);
        }
        s3.putObject(request.build(), RequestBody.fromBytes(bytes));
    }

    /** Writes the object unless the key already holds it (same key, same content: keys are content hashes). */
    public void putIfAbsent(String key, byte[] bytes, String mediaType) {
        if (!exists(key)) {
            put(key, bytes, mediaType);
        }
    }

    /** The object's content as a stream the caller must close; empty when there is no such object. */
    public Optional<ResponseInputStream<GetObjectResponse>> open(String key) {
        try {
            return Optional.of(s3.getObject(b -> b.bucket(config.bucket()).key(PREFIX + key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    public byte[] read(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(config.bucket()).key(PREFIX + key)).asByteArray();
    }

    /** Dev and test only ({@link ImagesConfig#createBucket()}): their S3-compatible servers start empty. */
    void createBucketIfMissing() {
        try {
            s3.headBucket(b -> b.bucket(config.bucket()));
        } catch (NoSuchBucketException e) {
            create();
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            create();
        }
    }

    private void create() {
        s3.createBucket(b -> b.bucket(config.bucket()));
        LOG.infof("Created the images bucket %s", config.bucket());
    }
}
