package com.virtpanel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.testkit.PostgresSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The same migrations build the same tables on H2 and on PostgreSQL. */
class MigrationsIT {

    @Test
    void migrationsRunOnH2AndPostgresAndCreateTheSameTables() throws SQLException {
        String h2 = "jdbc:h2:mem:migrations-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        migrate(h2, "sa", "", null, "h2");
        String schema = PostgresSchema.newSchema();
        migrate(PostgresSchema.urlFor(schema), PostgresSchema.user(), PostgresSchema.password(), schema, "postgresql");

        var h2Tables = tables(DriverManager.getConnection(h2, "sa", ""), "PUBLIC");
        var pgTables = tables(DriverManager.getConnection(PostgresSchema.urlFor(schema), PostgresSchema.user(),
                PostgresSchema.password()), schema);
        assertThat(h2Tables).contains("account", "server", "plan", "image", "qrtz_job_details", "qrtz_triggers");
        assertThat(pgTables).isEqualTo(h2Tables);
    }

    private static void migrate(String url, String user, String password, String schema, String vendor) {
        var config = Flyway.configure().dataSource(url, user, password)
                .locations("filesystem:migrations/common", "filesystem:migrations/" + vendor);
        if (schema != null) {
            config.schemas(schema).defaultSchema(schema);
        }
        var result = config.load().migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(2);
    }

    private static TreeSet<String> tables(Connection connection, String schema) throws SQLException {
        try (connection; var rs = connection.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            var names = new TreeSet<String>();
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.startsWith("flyway_")) {
                    names.add(name);
                }
            }
            return names;
        }
    }
}
