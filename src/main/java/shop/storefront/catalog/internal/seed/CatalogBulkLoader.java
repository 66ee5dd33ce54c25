package shop.storefront.catalog.internal.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import shop.storefront.catalog.internal.images.CheckedImage;

/**
 * Loads a generated catalog with PostgreSQL COPY in one transaction, in chunks so that a catalog of any
 * size streams through bounded memory. The variant triggers are paused during the load; product summaries
 * and option rows are computed once, set-based, at the end.
 */
@ApplicationScoped
public class CatalogBulkLoader {

    private static final int CHUNK = 5_000;

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    CatalogBulkLoader(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public record Loaded(int products, int variants) {
    }

    /**
     * Replaces the whole catalog with {@code productCount} generated products, with the pictures {@code pictures}
     * has stored (products whose picture it answers with null get none).
     */
    public Loaded replaceCatalog(DemoCatalog catalog, int productCount, Function<DemoCatalog.Picture, CheckedImage> pictures)
            throws SQLException, IOException {
        Map<DemoCatalog.Picture, CheckedImage> stored = new HashMap<>();
        Function<DemoCatalog.Picture, CheckedImage> once = picture -> stored.computeIfAbsent(picture, pictures);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Loaded loaded = load(connection, catalog, productCount, once);
                connection.commit();
                connection.setAutoCommit(true);
                // Fresh statistics and visibility map, so the planner can use index-only scans at once.
                try (Statement sql = connection.createStatement()) {
                    sql.execute("VACUUM (ANALYZE) catalog.product, catalog.variant, catalog.product_image, catalog.category, catalog.product_option");
                }
                return loaded;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private Loaded load(Connection connection, DemoCatalog catalog, int productCount,
            Function<DemoCatalog.Picture, CheckedImage> pictures) throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (Statement sql = connection.createStatement()) {
            sql.execute("TRUNCATE catalog.stock_adjustment, catalog.product_option, catalog.product_image, catalog.variant, catalog.product, catalog.category"
                    + " RESTART IDENTITY");
            sql.execute("ALTER TABLE catalog.variant DISABLE TRIGGER USER");
        }
        StringBuilder categories = new StringBuilder();
        catalog.categories().forEach(c -> csv(categories, c.id(), c.slug(), c.name(), c.description(), c.parentId(), c.position()));
        copy.copyIn("COPY catalog.category (id, slug, name, description, parent_id, position) FROM STDIN (FORMAT csv)",
                new StringReader(categories.toString()));

        List<DemoCatalog.Item> chunk = new ArrayList<>(CHUNK);
        int[] variants = {0};
        IOException[] failure = {null};
        catalog.products(productCount, item -> {
            chunk.add(item);
            variants[0] += item.variants().size();
            if (chunk.size() == CHUNK) {
                failure[0] = failure[0] != null ? failure[0] : copyChunk(copy, chunk, pictures);
                chunk.clear();
            }
        });
        if (failure[0] == null && !chunk.isEmpty()) {
            failure[0] = copyChunk(copy, chunk, pictures);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("""
                    UPDATE catalog.product p SET min_price_amount = s.min_price, currency = s.currency, in_stock = s.in_stock
                      FROM (SELECT product_id, min(price_amount) AS min_price, min(currency) AS currency,
                                   bool_or(stock_on_hand > 0) AS in_stock
                              FROM catalog.variant GROUP BY product_id) s
                     WHERE p.id = s.product_id""");
            sql.execute("""
                    INSERT INTO catalog.product_option (product_id, key, value)
                    SELECT DISTINCT v.product_id, o.key, o.value FROM catalog.variant v CROSS JOIN LATERAL jsonb_each_text(v.options) o""");
            sql.execute("ALTER TABLE catalog.variant ENABLE TRIGGER USER");
            for (String table : List.of("category", "product", "variant", "product_image")) {
                sql.execute("SELECT setval(pg_get_serial_sequence('catalog." + table + "', 'id'),"
                        + " greatest(1, (SELECT max(id) FROM catalog." + table + ")))");
            }
        }
        return new Loaded(productCount, variants[0]);
    }

    private IOException copyChunk(CopyManager copy, List<DemoCatalog.Item> items, Function<DemoCatalog.Picture, CheckedImage> pictures) {
        StringBuilder products = new StringBuilder();
        StringBuilder variants = new StringBuilder();
        StringBuilder images = new StringBuilder();
        for (DemoCatalog.Item item : items) {
            DemoCatalog.ProductRow p = item.product();
            csv(products, p.id(), p.slug(), p.name(), p.description(), p.brand(), p.status(), p.categoryId(), p.featured(),
                    p.createdAt(), p.createdAt());
            for (DemoCatalog.VariantRow v : item.variants()) {
                csv(variants, v.productId(), v.sku(), toJson(v), v.price().toPlainString(), "EUR",
                        v.compareAt() == null ? null : v.compareAt().toPlainString(), v.stock(), v.weightGrams(), v.position());
            }
            for (DemoCatalog.ImageRow i : item.images()) {
                CheckedImage picture = pictures.apply(i.picture());
                if (picture == null) {
                    continue;
                }
                csv(images, i.productId(), picture.originalKey(), i.altText(), i.position(), i.picture().colour(),
                        picture.width(), picture.height(), picture.format().mediaType(), picture.contentHash());
            }
        }
        try {
            copy.copyIn("COPY catalog.product (id, slug, name, description, brand, status, category_id, featured, created_at,"
                    + " updated_at) FROM STDIN (FORMAT csv)", new StringReader(products.toString()));
            copy.copyIn("COPY catalog.variant (product_id, sku, options, price_amount, currency, compare_at_amount,"
                    + " stock_on_hand, weight_grams, position) FROM STDIN (FORMAT csv)", new StringReader(variants.toString()));
            copy.copyIn("COPY catalog.product_image (product_id, storage_key, alt_text, position, colour, width, height,"
                    + " content_type, content_hash) FROM STDIN (FORMAT csv)",
                    new StringReader(images.toString()));
            return null;
        } catch (SQLException e) {
            return new IOException("COPY failed: " + e.getMessage(), e);
        } catch (IOException e) {
            return e;
        }
    }

    private String toJson(DemoCatalog.VariantRow v) {
        try {
            return json.writeValueAsString(v.options());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One CSV line; null becomes an unquoted empty field, which COPY reads as NULL. */
    private static void csv(StringBuilder out, Object... fields) {
        StringJoiner line = new StringJoiner(",", "", "\n");
        for (Object field : fields) {
            line.add(field == null ? "" : "\"" + field.toString().replace("\"", "\"\"") + "\"");
        }
        out.append(line);
    }
}
