package com.virtpanel.support;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * The database-level guard of the audit log on H2 (migrations/h2/V41): every UPDATE or DELETE
 * of an audit row fails, whatever code issues it. PostgreSQL has the same guard in PL/pgSQL.
 * Public only because H2 instantiates it by name; it is not part of the module's API.
 */
public final class AuditAppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_event is append-only: rows cannot be changed or deleted", "P0001");
    }
}
