package shop.storefront.catalog.internal.rest;

import java.math.BigDecimal;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import shop.storefront.catalog.ListingQuery;

/**
 * Documents the listing parameters in OpenAPI. The resources read them generically (option filters have
 * open-ended names), so they would otherwise be missing and Swagger UI could not send them.
 */
public class ListingParamsOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        describe(openAPI.getPaths().getPathItem("/api/v1/products"), false);
        describe(openAPI.getPaths().getPathItem("/api/v1/search"), true);
    }

    private static void describe(PathItem item, boolean search) {
        if (item == null || item.getGET() == null) {
            return;
        }
        Operation get = item.getGET();
        if (search) {
            get.addParameter(query("q", "Search text, at most 200 characters; web-search syntax: \"phrase\", -exclude, or",
                    type(Schema.SchemaType.STRING)).required(true));
        } else {
            get.addParameter(query("category", "Category slug; products of its sub-categories are included",
                    type(Schema.SchemaType.STRING)));
        }
        get.addParameter(query("brand", "Brand; repeat to combine brands", type(Schema.SchemaType.ARRAY)
                .items(type(Schema.SchemaType.STRING))).explode(true));
        get.addParameter(query("price", "Price range: 25-50, 100- (and up) or -20 (up to)", type(Schema.SchemaType.STRING)));
        get.addParameter(query("in_stock", "Only products with a variant in stock", type(Schema.SchemaType.BOOLEAN)));
        get.addParameter(query("sort", "Order of the results" + (search ? " (default relevance)" : " (default newest)"),
                type(Schema.SchemaType.STRING).enumeration(Arrays.stream(ListingQuery.Sort.values())
                        .filter(s -> search || s != ListingQuery.Sort.RELEVANCE).map(s -> (Object) s.param).toList())));
        get.addParameter(query("page", "Page number", type(Schema.SchemaType.INTEGER)
                .minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(ListingParams.MAX_PAGE))));
        get.addParameter(query("per_page", "Products per page, 1 to storefront.catalog.max-page-size (96 by default)",
                type(Schema.SchemaType.INTEGER).minimum(BigDecimal.ONE)));
    }

    private static Parameter query(String name, String description, Schema schema) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY).description(description).schema(schema);
    }

    private static Schema type(Schema.SchemaType type) {
        return OASFactory.createSchema().addType(type);
    }
}
