package shop.storefront.catalog.internal.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.time.Instant;
import java.util.List;
import shop.storefront.catalog.Catalog;
import shop.storefront.catalog.CategoryNode;
import shop.storefront.platform.StorefrontConfig;

/**
 * robots.txt and sitemaps. Product sitemaps are split into files of {@value #PER_FILE} URLs (the protocol
 * allows 50,000) behind a sitemap index, so a catalog of any size stays crawlable.
 */
@Path("/")
public class SearchEngineFiles {

    static final int PER_FILE = 10_000;

    private final Catalog catalog;
    private final EntityManager em;
    private final String baseUrl;

    SearchEngineFiles(Catalog catalog, EntityManager em, StorefrontConfig config) {
        this.catalog = catalog;
        this.em = em;
        this.baseUrl = config.baseUrl();
    }

    @GET
    @Path("robots.txt")
    @Produces("text/plain")
    public String robots() {
        return """
                User-agent: *
                Disallow: /api/
                Disallow: /search
                Disallow: /cart
                Disallow: /checkout
                Disallow: /account
                Allow: /

                Sitemap: %s/sitemap.xml
                """.formatted(baseUrl);
    }

    @GET
    @Path("sitemap.xml")
    @Produces("application/xml")
    public String index() {
        long products = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM catalog.product WHERE status = 'active'").getSingleResult()).longValue());
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        xml.append("  <sitemap><loc>").append(baseUrl).append("/sitemaps/categories.xml</loc></sitemap>\n");
        for (long file = 1; file <= Math.max(1, (products + PER_FILE - 1) / PER_FILE); file++) {
            xml.append("  <sitemap><loc>").append(baseUrl).append("/sitemaps/products-").append(file).append(".xml</loc></sitemap>\n");
        }
        return xml.append("</sitemapindex>\n").toString();
    }

    @GET
    @Path("sitemaps/categories.xml")
    @Produces("application/xml")
    public String categories() {
        StringBuilder xml = urlset();
        url(xml, baseUrl + "/", null);
        addCategories(xml, catalog.categoryTree());
        return xml.append("</urlset>\n").toString();
    }

    @GET
    @Path("sitemaps/products-{file: [0-9]{1,6}}.xml")
    @Produces("application/xml")
    public String products(@PathParam("file") int file) {
        if (file < 1) {
            throw new NotFoundException();
        }
        List<Tuple> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT slug, updated_at FROM catalog.product WHERE status = 'active' ORDER BY id LIMIT :limit OFFSET :offset",
                Tuple.class).setParameter("limit", PER_FILE).setParameter("offset", (long) (file - 1) * PER_FILE).getResultList());
        if (rows.isEmpty() && file > 1) {
            throw new NotFoundException();
        }
        StringBuilder xml = urlset();
        rows.forEach(r -> url(xml, baseUrl + "/product/" + r.get("slug"), (Instant) r.get("updated_at")));
        return xml.append("</urlset>\n").toString();
    }

    private void addCategories(StringBuilder xml, List<CategoryNode> nodes) {
        for (CategoryNode node : nodes) {
            url(xml, baseUrl + "/category/" + node.slug(), null);
            addCategories(xml, node.children());
        }
    }

    private static StringBuilder urlset() {
        return new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    }

    /** Slugs are [a-z0-9-] by database constraint, so URLs need no XML escaping. */
    private static void url(StringBuilder xml, String loc, Instant lastModified) {
        xml.append("  <url><loc>").append(loc).append("</loc>");
        if (lastModified != null) {
            xml.append("<lastmod>").append(lastModified.toString(), 0, 10).append("</lastmod>");
        }
        xml.append("</url>\n");
    }
}
