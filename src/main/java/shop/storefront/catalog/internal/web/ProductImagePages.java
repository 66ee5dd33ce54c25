package shop.storefront.catalog.internal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import shop.storefront.catalog.internal.admin.PictureEditor;
import shop.storefront.catalog.internal.images.ProductImages;
import shop.storefront.platform.DomainException;
import shop.storefront.platform.InvalidInput;
import shop.storefront.platform.NotFound;
import shop.storefront.web.ErrorStatus;
import shop.storefront.web.FormView;
import shop.storefront.web.Redirects;

/**
 * The back office's pictures page of one product: its pictures with their thumbnail state, an upload form, and
 * remove / move buttons. A refused upload comes back with the colour and alt text as typed and the message next to
 * the file field; an upload over the size limit is refused before it is read ({@link PictureUploadLimit}).
 */
@Path(ProductImagePages.PATH)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
public class ProductImagePages {

    static final String PATH = "/admin/products/{id: [0-9]{1,18}}/images";

    private static final Map<String, String> NOTICES = Map.of(
            "added", "Picture uploaded. Its thumbnails are being made; until they are ready the shop shows the original.",
            "removed", "Picture removed from the product.",
            "moved", "Order of the pictures saved.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance images(PictureEditor.PicturesPage product, FormView form, String maxPicture,
                String notice);
    }

    private final PictureEditor pictures;
    private final PictureUploadLimit limit;

    ProductImagePages(PictureEditor pictures, PictureUploadLimit limit) {
        this.pictures = pictures;
        this.limit = limit;
    }

    @GET
    public TemplateInstance page(@PathParam("id") long id, @QueryParam("done") String done) {
        return page(id, blankForm(), done == null ? null : NOTICES.get(done));
    }

    /** Multipart, as the page sends it; a urlencoded post (no file at all) gets the same "choose a file" refusal. */
    @POST
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED})
    public Response upload(@PathParam("id") long id, @RestForm(ProductImages.FILE) FileUpload file,
            @RestForm(ProductImages.COLOUR) String colour, @RestForm(ProductImages.ALT_TEXT) String alt) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(ProductImages.FILE, "");
        values.put(ProductImages.COLOUR, colour == null ? "" : colour);
        values.put(ProductImages.ALT_TEXT, alt == null ? "" : alt);
        try {
            pictures.add(id, colour, alt, bytes(file));
            return Redirects.seeOther("/admin/products/" + id + "/images?done=added");
        } catch (NotFound e) {
            throw e;
        } catch (DomainException e) {
            return Response.status(ErrorStatus.of(e)).entity(page(id, FormView.refused(values, e), null)).build();
        }
    }

    @POST
    @Path("{imageId: [0-9]{1,18}}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("id") long id, @PathParam("imageId") long imageId) {
        pictures.remove(id, imageId);
        return Redirects.seeOther("/admin/products/" + id + "/images?done=removed");
    }

    @POST
    @Path("{imageId: [0-9]{1,18}}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("id") long id, @PathParam("imageId") long imageId, @FormParam("direction") String direction) {
        int step = switch (direction == null ? "" : direction) {
            case "up" -> -1;
            case "down" -> 1;
            default -> throw new InvalidInput("direction", "Move a picture up or down.");
        };
        pictures.move(id, imageId, step);
        return Redirects.seeOther("/admin/products/" + id + "/images?done=moved#picture-" + imageId);
    }

    private TemplateInstance page(long id, FormView form, String notice) {
        return Templates.images(pictures.page(id), form, limit.maxPicture(), notice);
    }

    private static FormView blankForm() {
        return FormView.of(Map.of(ProductImages.FILE, "", ProductImages.COLOUR, "", ProductImages.ALT_TEXT, ""));
    }

    /** The uploaded file's bytes; none when no file was chosen (the checks then say so). */
    private static byte[] bytes(FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            return new byte[0];
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
