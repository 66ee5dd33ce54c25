package shop.storefront.catalog.internal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
import java.util.List;
import java.util.Map;
import shop.storefront.catalog.internal.admin.AdminViews;
import shop.storefront.catalog.internal.admin.ProductAdminQueries;
import shop.storefront.catalog.internal.admin.ProductEditor;
import shop.storefront.catalog.internal.admin.ProductFilter;
import shop.storefront.catalog.internal.admin.ProductForm;
import shop.storefront.catalog.internal.admin.StockAdjustments;
import shop.storefront.catalog.internal.admin.StockForm;
import shop.storefront.catalog.internal.admin.StockReason;
import shop.storefront.catalog.internal.admin.VariantEditor;
import shop.storefront.catalog.internal.admin.VariantForm;
import shop.storefront.platform.DomainException;
import shop.storefront.platform.NotFound;
import shop.storefront.web.ErrorStatus;
import shop.storefront.web.FormView;
import shop.storefront.web.Redirects;

/**
 * The back office's product pages: the list, the product editor (details, SKUs, stock) and a SKU's own form. After a
 * change the browser is sent to the result with a notice; a refused form comes back with the typed values and each
 * message next to its field. Product images have their own pages (linked from the editor).
 */
@Path("/admin/products")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@RolesAllowed("admin")
public class ProductAdminPages {

    /** What a finished change says on the page it leads to; the query names it, so no typed text is echoed. */
    private static final Map<String, String> NOTICES = Map.of(
            "created", "Product created. Add its SKUs below, then make it active.",
            "saved", "Product saved.",
            "archived", "Product archived: shoppers no longer see it.",
            "variant-added", "SKU added. It has no stock yet: adjust its stock below.",
            "variant-saved", "SKU saved.",
            "stock-adjusted", "Stock adjusted.");

    /** A SKU on the editor with its stock form (blank, or as typed after a refusal). */
    public record SkuPanel(AdminViews.VariantRow variant, FormView stock) {

        /** Keeps the ids of this SKU's stock form apart from the other SKUs' on the same page. */
        public String prefix() {
            return "stock-" + variant.id() + "-";
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(AdminViews.ProductList list, List<AdminViews.CategoryChoice> categories);

        static native TemplateInstance create(FormView form, List<AdminViews.CategoryChoice> categories);

        static native TemplateInstance editor(AdminViews.ProductEditorData product, FormView form, List<SkuPanel> skus,
                FormView newSku, List<AdminViews.CategoryChoice> categories, List<StockReason> reasons, String notice);

        static native TemplateInstance variant(AdminViews.VariantEditorData variant, FormView form);
    }

    /** The product form's fields. */
    public static class ProductFields {
        @FormParam("name") String name;
        @FormParam("slug") String slug;
        @FormParam("description") String description;
        @FormParam("brand") String brand;
        @FormParam("category") String category;
        @FormParam("status") String status;
        @FormParam("featured") String featured;
        @FormParam("metaTitle") String metaTitle;
        @FormParam("metaDescription") String metaDescription;

        ProductForm form() {
            return new ProductForm(name, slug, description, brand, category, status, featured != null, metaTitle, metaDescription);
        }
    }

    /** A SKU form's fields. */
    public static class VariantFields {
        @FormParam("sku") String sku;
        @FormParam("size") String size;
        @FormParam("colour") String colour;
        @FormParam("price") String price;
        @FormParam("compareAt") String compareAt;
        @FormParam("weight") String weight;

        VariantForm form() {
            return new VariantForm(sku, size, colour, price, compareAt, weight);
        }
    }

    private final ProductAdminQueries queries;
    private final ProductEditor products;
    private final VariantEditor variants;
    private final StockAdjustments stock;

    ProductAdminPages(ProductAdminQueries queries, ProductEditor products, VariantEditor variants, StockAdjustments stock) {
        this.queries = queries;
        this.products = products;
        this.variants = variants;
        this.stock = stock;
    }

    @GET
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("status") String status,
            @QueryParam("category") String category, @QueryParam("page") String page) {
        return Templates.list(queries.list(ProductFilter.parse(q, status, category, page)), queries.categories());
    }

    @GET
    @Path("new")
    public TemplateInstance newProduct() {
        return Templates.create(FormView.of(ProductForm.blank().values()), queries.categories());
    }

    @POST
    public Response create(@BeanParam ProductFields fields) {
        ProductForm form = fields.form();
        try {
            long id = products.create(form);
            return Redirects.seeOther("/admin/products/" + id + "?done=created");
        } catch (DomainException e) {
            return Response.status(ErrorStatus.of(e)).entity(Templates.create(FormView.refused(form.values(), e), queries.categories())).build();
        }
    }

    @GET
    @Path("{id: [0-9]{1,18}}")
    public TemplateInstance editor(@PathParam("id") long id, @QueryParam("done") String done) {
        AdminViews.ProductEditorData product = queries.editor(id);
        return editorPage(product, FormView.of(product.values()), FormView.of(VariantForm.blank().values()), null, null,
                done == null ? null : NOTICES.get(done));
    }

    @POST
    @Path("{id: [0-9]{1,18}}")
    public Response update(@PathParam("id") long id, @BeanParam ProductFields fields) {
        ProductForm form = fields.form();
        try {
            products.update(id, form);
            return Redirects.seeOther("/admin/products/" + id + "?done=saved");
        } catch (NotFound e) {
            throw e;
        } catch (DomainException e) {
            return refused(e, editorPage(queries.editor(id), FormView.refused(form.values(), e),
                    FormView.of(VariantForm.blank().values()), null, null, null));
        }
    }

    @POST
    @Path("{id: [0-9]{1,18}}/archive")
    public Response archive(@PathParam("id") long id) {
        products.archive(id);
        return Redirects.seeOther("/admin/products/" + id + "?done=archived");
    }

    @POST
    @Path("{id: [0-9]{1,18}}/variants")
    public Response addVariant(@PathParam("id") long id, @BeanParam VariantFields fields) {
        VariantForm form = fields.form();
        try {
            variants.add(id, form);
            return Redirects.seeOther("/admin/products/" + id + "?done=variant-added#skus");
        } catch (NotFound e) {
            throw e;
        } catch (DomainException e) {
            AdminViews.ProductEditorData product = queries.editor(id);
            return refused(e, editorPage(product, FormView.of(product.values()), FormView.refused(form.values(), e), null, null, null));
        }
    }

    @GET
    @Path("{id: [0-9]{1,18}}/variants/{variantId: [0-9]{1,18}}")
    public TemplateInstance variant(@PathParam("id") long id, @PathParam("variantId") long variantId) {
        AdminViews.VariantEditorData variant = queries.variant(id, variantId);
        return Templates.variant(variant, FormView.of(variant.values()));
    }

    @POST
    @Path("{id: [0-9]{1,18}}/variants/{variantId: [0-9]{1,18}}")
    public Response updateVariant(@PathParam("id") long id, @PathParam("variantId") long variantId, @BeanParam VariantFields fields) {
        VariantForm form = fields.form();
        try {
            variants.update(id, variantId, form);
            return Redirects.seeOther("/admin/products/" + id + "?done=variant-saved#skus");
        } catch (NotFound e) {
            throw e;
        } catch (DomainException e) {
            return refused(e, Templates.variant(queries.variant(id, variantId), FormView.refused(form.values(), e)));
        }
    }

    @POST
    @Path("{id: [0-9]{1,18}}/variants/{variantId: [0-9]{1,18}}/stock")
    public Response adjustStock(@PathParam("id") long id, @PathParam("variantId") long variantId,
            @FormParam("delta") String delta, @FormParam("reason") String reason, @FormParam("note") String note) {
        StockForm form = new StockForm(delta, reason, note);
        try {
            stock.adjust(id, variantId, form);
            return Redirects.seeOther("/admin/products/" + id + "?done=stock-adjusted#sku-" + variantId);
        } catch (NotFound e) {
            throw e;
        } catch (DomainException e) {
            AdminViews.ProductEditorData product = queries.editor(id);
            return refused(e, editorPage(product, FormView.of(product.values()), FormView.of(VariantForm.blank().values()),
                    variantId, FormView.refused(form.values(), e), null));
        }
    }

    private TemplateInstance editorPage(AdminViews.ProductEditorData product, FormView form, FormView newSku,
            Long stockVariantId, FormView stockForm, String notice) {
        List<SkuPanel> skus = product.variants().stream()
                .map(v -> new SkuPanel(v, v.id() == (stockVariantId == null ? -1 : stockVariantId) ? stockForm
                        : FormView.of(StockForm.blank().values())))
                .toList();
        return Templates.editor(product, form, skus, newSku, queries.categories(), List.of(StockReason.values()), notice);
    }

    private static Response refused(DomainException e, TemplateInstance page) {
        return Response.status(ErrorStatus.of(e)).entity(page).build();
    }
}
