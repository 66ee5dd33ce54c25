package shop.storefront.catalog;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers questions about the seeded catalog straight from PostgreSQL, independently of the code under
 * test, so tests compare what the storefront shows with what the database holds.
 */
@ApplicationScoped
public class CatalogOracle {

    private static final String SUBTREE = """
            WITH RECURSIVE tree AS (SELECT id FROM catalog.category WHERE slug = ?
                                    UNION ALL SELECT c.id FROM catalog.category c JOIN tree t ON c.parent_id = t.id)
            """;

    private final AgroalDataSource db;

    CatalogOracle(AgroalDataSource db) {
        this.db = db;
    }

    public long activeInCategory(String slug, String extraCondition, Object... params) {
        return longValue(SUBTREE + "SELECT count(*) FROM catalog.product p WHERE p.status = 'active'"
                + " AND p.category_id IN (SELECT id FROM tree)" + (extraCondition == null ? "" : " AND " + extraCondition),
                prepend(slug, params));
    }

    /** The brand with the most active products in a category. */
    public String topBrand(String categorySlug) {
        return string(SUBTREE + "SELECT p.brand FROM catalog.product p WHERE p.status = 'active'"
                + " AND p.category_id IN (SELECT id FROM tree) GROUP BY p.brand ORDER BY count(*) DESC, p.brand LIMIT 1",
                categorySlug);
    }

    public String slugWhere(String condition, Object... params) {
        return string("SELECT p.slug FROM catalog.product p WHERE " + condition + " ORDER BY p.id LIMIT 1", params);
    }

    public String string(String sql, Object... params) {
        List<List<Object>> rows = rows(sql, params);
        return rows.isEmpty() ? null : String.valueOf(rows.getFirst().getFirst());
    }

    public long longValue(String sql, Object... params) {
        return ((Number) rows(sql, params).getFirst().getFirst()).longValue();
    }

    public List<List<Object>> rows(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public int update(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
