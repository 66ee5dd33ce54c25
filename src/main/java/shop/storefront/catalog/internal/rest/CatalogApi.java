package shop.storefront.catalog.internal.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.storefront.catalog.Catalog;
import shop.storefront.catalog.CategoryNode;
import shop.storefront.catalog.CategoryView;
import shop.storefront.catalog.ListingPage;
import shop.storefront.catalog.ProductDetail;
import shop.storefront.platform.InvalidInput;
import shop.storefront.platform.NotFound;

/** The catalog as JSON: the same data, filters and errors as the shopper pages. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog")
public class CatalogApi {

    private final Catalog catalog;
    private final ListingParams params;

    CatalogApi(Catalog catalog, ListingParams params) {
        this.catalog = catalog;
        this.params = params;
    }

    @GET
    @Path("/categories")
    @Operation(summary = "The category tree")
    public List<CategoryNode> categories() {
        return catalog.categoryTree();
    }

    @GET
    @Path("/categories/{slug}")
    @Operation(summary = "One category with its breadcrumb and sub-categories")
    public CategoryView category(@PathParam("slug") String slug) {
        return catalog.category(slug).orElseThrow(() -> new NotFound("No category '" + slug + "'."));
    }

    @GET
    @Path("/products")
    @Operation(summary = "Active products, filtered, sorted and paged",
            description = "Filters: category, brand (repeatable), price (e.g. 25-50), opt.<option>=<value> (repeatable), "
                    + "in_stock=true. Sort: newest, price-asc, price-desc, name. Paging: page, per_page.")
    public ListingPage products(UriInfo uri) {
        var query = uri.getQueryParameters();
        String category = query.getFirst("category");
        if (category != null && catalog.category(category).isEmpty()) {
            throw new NotFound("No category '" + category + "'.");
        }
        return catalog.products(params.parse(query, category, null));
    }

    @GET
    @Path("/products/{slug}")
    @Operation(summary = "One active product with its variants")
    public ProductDetail product(@PathParam("slug") String slug) {
        return catalog.product(slug).orElseThrow(() -> new NotFound("No product '" + slug + "'."));
    }

    @GET
    @Path("/search")
    @Operation(summary = "Full-text search with the product filters; q uses web search syntax (\"quoted\", -excluded, or);"
            + " when nothing matches, misspelt and joined words are matched and suggestions holds the corrected text")
    public ListingPage search(UriInfo uri) {
        var query = uri.getQueryParameters();
        String text = params.searchText(query.getFirst("q"));
        if (text == null) {
            throw new InvalidInput("q", "Give the text to search for in q.");
        }
        return catalog.products(params.parse(query, null, text));
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search with the query in a JSON body (same fields as the query parameters)")
    public ListingPage search(@Valid @NotNull(message = "A JSON body is required.") SearchRequest request) {
        String text = params.searchText(request.q());
        if (text == null) {
            throw new InvalidInput("q", "Give the text to search for in q.");
        }
        return catalog.products(params.parse(request.asParameters(), null, text));
    }
}
