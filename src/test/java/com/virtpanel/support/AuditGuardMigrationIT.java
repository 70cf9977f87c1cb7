package com.virtpanel.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.testkit.PostgresSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The audit table's append-only guard, straight from the migrations, on both databases. */
class AuditGuardMigrationIT {

    @Test
    void onH2AuditRowsCanBeAddedButNeitherChangedNorDeleted() throws SQLException {
        String url = "jdbc:h2:mem:audit-guard-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        migrate(url, "sa", "", null, "h2");
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertAppendOnly(c, false);
        }
    }

    @Test
    void onPostgresAuditRowsCanBeAddedButNeitherChangedNorDeletedNorTruncated() throws SQLException {
        String schema = PostgresSchema.newSchema();
        String url = PostgresSchema.urlFor(schema);
        migrate(url, PostgresSchema.user(), PostgresSchema.password(), schema, "postgresql");
        try (Connection c = DriverManager.getConnection(url, PostgresSchema.user(), PostgresSchema.password())) {
            assertAppendOnly(c, true);
        }
    }

    private static void assertAppendOnly(Connection c, boolean truncateGuarded) throws SQLException {
        try (var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO audit_event (occurred_at, action, actor_email, read_only) "
                    + "VALUES (CURRENT_TIMESTAMP, 'login', 'a@example.com', FALSE)");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_event SET actor_email = 'b@example.com'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_event"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            if (truncateGuarded) {
                assertThatThrownBy(() -> s.executeUpdate("TRUNCATE audit_event"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            }
            try (var rs = s.executeQuery("SELECT actor_email FROM audit_event")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("a@example.com");
            }
        }
    }

    private static void migrate(String url, String user, String password, String schema, String vendor) {
        var config = Flyway.configure().dataSource(url, user, password)
                .locations("filesystem:migrations/common", "filesystem:migrations/" + vendor);
        if (schema != null) {
            config.schemas(schema).defaultSchema(schema);
        }
        assertThat(config.load().migrate().success).isTrue();
    }
}
