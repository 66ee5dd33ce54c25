package shop.storefront.catalog.internal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import shop.storefront.catalog.Catalog;
import shop.storefront.catalog.CategoryNode;
import shop.storefront.catalog.CategoryView;
import shop.storefront.catalog.ListingPage;
import shop.storefront.catalog.ListingQuery;
import shop.storefront.catalog.ProductDetail;
import shop.storefront.catalog.ProductSummary;
import shop.storefront.catalog.internal.rest.ListingParams;
import shop.storefront.platform.NotFound;
import shop.storefront.platform.StorefrontConfig;

/**
 * Server-rendered shopper pages: everything works with plain links and GET forms, no JavaScript. The product page's
 * script only shows, without a reload, what the page would show for another choice of options. The pages are the same
 * for every shopper, so each is rendered once per catalog version and then answered from memory ({@link SharedPages},
 * {@link CachedPageRoute}); what is personal (mini-cart, signed-in links, CSRF tokens) the header's script fills in.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CatalogPages {

    private static final int FEATURED = 8;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<CategoryNode> categories, List<ProductSummary> featured, String canonicalUrl);

        static native TemplateInstance category(CategoryView category, ListingView listing, RawString breadcrumbLd,
                String canonicalUrl);

        static native TemplateInstance product(ProductDetail product, ProductDetail.Variant selected, VariantChoice choice,
                RawString variantData, RawString productLd, RawString breadcrumbLd, String canonicalUrl);

        static native TemplateInstance search(String q, ListingView listing);
    }

    private final Catalog catalog;
    private final ListingParams params;
    private final StructuredData structuredData;
    private final ProductScriptData scriptData;
    private final String baseUrl;
    private final SharedPages shared;

    CatalogPages(Catalog catalog, ListingParams params, StructuredData structuredData, ProductScriptData scriptData,
            StorefrontConfig config, SharedPages shared) {
        this.shared = shared;
        this.catalog = catalog;
        this.params = params;
        this.structuredData = structuredData;
        this.scriptData = scriptData;
        this.baseUrl = config.baseUrl();
    }

    @GET
    public Response home() {
        return shared.orLastKnown(this::homePage);
    }

    private Response homePage() {
        return shared.answer(Templates.home(catalog.categoryTree(), catalog.featured(FEATURED), baseUrl + "/"));
    }

    @GET
    @Path("category/{slug}")
    public Response category(@PathParam("slug") String slug, UriInfo uri) {
        return shared.orLastKnown(() -> categoryPage(slug, uri));
    }

    private Response categoryPage(String slug, UriInfo uri) {
        CategoryView category = catalog.category(slug)
                .orElseThrow(() -> new NotFound("We have no category called '" + slug + "'."));
        ListingQuery query = params.parse(uri.getQueryParameters(), slug, null);
        ListingPage page = catalog.products(query);
        if (query.page() > page.totalPages()) {
            throw new NotFound("This category has only " + page.totalPages() + " page"
                    + (page.totalPages() == 1 ? "" : "s") + " of products.");
        }
        ListingView listing = ListingView.of(page, query, "/category/" + slug, params);
        return shared.answer(Templates.category(category, listing, structuredData.breadcrumb(category.breadcrumb()),
                baseUrl + listing.canonicalPath()));
    }

    @GET
    @Path("product/{slug}")
    public Response product(@PathParam("slug") String slug, @QueryParam("sku") String sku, UriInfo uri) {
        return shared.orLastKnown(() -> productPage(slug, sku, uri));
    }

    private Response productPage(String slug, String sku, UriInfo uri) {
        ProductDetail product = catalog.product(slug)
                .orElseThrow(() -> new NotFound("We could not find that product. It may no longer be sold."));
        // Without a choice (options or SKU) the page shows the default variant: the first one in stock.
        VariantChoice choice = VariantChoice.of(product, sku, uri.getQueryParameters()::getFirst);
        return shared.answer(Templates.product(product, choice.selected(), choice, scriptData.script(product),
                structuredData.product(product),
                structuredData.breadcrumb(product.breadcrumb()), baseUrl + product.path()));
    }

    @GET
    @Path("search")
    public Response search(UriInfo uri) {
        return shared.orLastKnown(() -> searchPage(uri));
    }

    private Response searchPage(UriInfo uri) {
        String text = params.searchText(uri.getQueryParameters().getFirst("q"));
        if (text == null) {
            return shared.answer(Templates.search("", null));
        }
        ListingQuery query = params.parse(uri.getQueryParameters(), null, text);
        ListingPage page = catalog.products(query);
        if (page.total() > 0 && query.page() > page.totalPages()) {
            throw new NotFound("These results have only " + page.totalPages() + " page" + (page.totalPages() == 1 ? "" : "s") + ".");
        }
        return shared.answer(Templates.search(text, ListingView.of(page, query, "/search", params)));
    }
}
