package shop.storefront.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * Plain JDBC to the database the packaged instances share: Dev Services' when Docker provides one, else the local
 * PostgreSQL of the local-services profile.
 */
public final class SharedDatabase {

    /** The local database the instances use: the test profile's, unless the environment names another (as it may per checkout). */
    private static final String LOCAL_DATABASE = System.getenv().getOrDefault("_TEST_LOCAL_SERVICES_DATABASE", "storefront_test");

    private final String url;
    private final String user;
    private final String password;

    private SharedDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static SharedDatabase of(Map<String, String> devServices) {
        return new SharedDatabase(devServices.getOrDefault("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/" + LOCAL_DATABASE),
                devServices.getOrDefault("quarkus.datasource.username", "postgres"), devServices.getOrDefault("quarkus.datasource.password", ""));
    }

    /** The JDBC URL, for a test that sends an instance to the same database another way (through a proxy). */
    public String url() {
        return url;
    }

    public long longValue(String sql, Object... params) {
        return ((Number) value(sql, params)).longValue();
    }

    public String string(String sql, Object... params) {
        return (String) value(sql, params);
    }

    public int update(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(url, user, password); PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object value(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(url, user, password); PreparedStatement s = prepare(c, sql, params);
                ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                throw new IllegalStateException("No row for " + sql);
            }
            return r.getObject(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }
}
