package shop.storefront.catalog.internal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.RawString;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import shop.storefront.catalog.CategoryView;
import shop.storefront.catalog.ProductDetail;
import shop.storefront.platform.StorefrontConfig;

/**
 * JSON-LD for search engines (schema.org Product and BreadcrumbList), written inside script elements as
 * {@link ScriptJson}: product text can never break out of the block.
 */
@ApplicationScoped
public class StructuredData {

    private final ObjectMapper json;
    private final String baseUrl;

    StructuredData(ObjectMapper json, StorefrontConfig config) {
        this.json = json;
        this.baseUrl = config.baseUrl();
    }

    public RawString product(ProductDetail product) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "Product");
        ld.put("name", product.name());
        ld.put("description", product.description());
        ld.put("brand", Map.of("@type", "Brand", "name", product.brand()));
        ld.put("url", baseUrl + product.path());
        if (!product.images().isEmpty()) {
            ld.put("image", product.images().stream().map(i -> absolute(i.url())).toList());
        }
        ld.put("offers", product.variants().stream().map(v -> Map.of(
                "@type", "Offer",
                "sku", v.sku(),
                "price", v.price().plain(),
                "priceCurrency", v.price().currency(),
                "availability", v.inStock() ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
                "url", baseUrl + product.path() + "?sku=" + v.sku())).toList());
        return script(ld);
    }

    public RawString breadcrumb(List<CategoryView.Crumb> crumbs) {
        return script(Map.of("@context", "https://schema.org", "@type", "BreadcrumbList",
                "itemListElement", IntStream.range(0, crumbs.size()).mapToObj(i -> Map.of(
                        "@type", "ListItem", "position", i + 1, "name", crumbs.get(i).name(),
                        "item", baseUrl + crumbs.get(i).path())).toList()));
    }

    private String absolute(String url) {
        return url.startsWith("/") ? baseUrl + url : url;
    }

    private RawString script(Object value) {
        return ScriptJson.of(json, value);
    }
}
