package com.virtpanel.testkit;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test context at the real PostgreSQL server that ./panel test starts, in a fresh
 * schema of its own, so contexts never see each other's data. Without the server the tests
 * fail with the reason: they are never skipped.
 */
public class PostgresSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static String url() {
        String url = setting("VP_TEST_PG_URL");
        if (url == null) {
            throw new IllegalStateException("PostgreSQL tests need a server: set VP_TEST_PG_URL (and VP_TEST_PG_USER, "
                    + "VP_TEST_PG_PASSWORD), or run ./panel test, which installs and starts PostgreSQL.");
        }
        return url;
    }

    public static String user() {
        String user = setting("VP_TEST_PG_USER");
        return user == null ? "virtpanel" : user;
    }

    public static String password() {
        String password = setting("VP_TEST_PG_PASSWORD");
        return password == null ? "virtpanel" : password;
    }

    /** Creates an empty schema and returns its name. */
    public static String newSchema() {
        String schema = "vp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var connection = DriverManager.getConnection(url(), user(), password());
             var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach PostgreSQL at " + url() + ": " + e.getMessage(), e);
        }
        return schema;
    }

    public static String urlFor(String schema) {
        return url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String schema = newSchema();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgres-test-schema", Map.of(
                "spring.datasource.url", urlFor(schema),
                "spring.datasource.username", user(),
                "spring.datasource.password", password(),
                "spring.flyway.default-schema", schema,
                "spring.flyway.schemas", schema)));
    }

    private static String setting(String name) {
        String value = System.getProperty(name);
        return value != null ? value : System.getenv(name);
    }
}
