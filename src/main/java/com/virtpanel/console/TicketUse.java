package com.virtpanel.console;

import java.net.InetSocketAddress;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.stereotype.Component;

/**
 * Uses a ticket up and reads it back in one statement: an UPDATE of the unused, unexpired row
 * whose changed row comes back as its generated keys (RETURNING on PostgreSQL, the same through
 * H2's driver). Of two panel instances racing with the same ticket exactly one gets the row, and
 * the WebSocket upgrade waits for one database round trip instead of a JPA update, a flush and a
 * second query (most of the handshake's time beyond websockify's).
 */
@Component
class TicketUse {

    private static final String USE_UP = "UPDATE console_ticket SET used_at = ?"
            + " WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?";
    private static final String[] RETURNED = {"id", "server_id", "account_id", "real_account_id", "session_hash",
        "vnc_host", "vnc_port", "relay"};

    private final JdbcTemplate jdbc;

    TicketUse(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The ticket with this hash, now used; empty when it is unknown, already used or expired. */
    Optional<Used> useUp(String tokenHash, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        PreparedStatementCreator update = connection -> {
            PreparedStatement statement = connection.prepareStatement(USE_UP, RETURNED);
            statement.setObject(1, at);
            statement.setString(2, tokenHash);
            statement.setObject(3, at);
            return statement;
        };
        return jdbc.execute(update, (PreparedStatementCallback<Optional<Used>>) statement -> {
            if (statement.executeUpdate() != 1) {
                return Optional.empty();
            }
            try (ResultSet row = statement.getGeneratedKeys()) {
                return row.next() ? Optional.of(used(row)) : Optional.empty();
            }
        });
    }

    private static Used used(ResultSet row) throws SQLException {
        String host = row.getString("vnc_host");
        int port = row.getInt("vnc_port");
        boolean hasVnc = host != null && !row.wasNull();
        return new Used(row.getLong("id"), row.getLong("server_id"), row.getLong("account_id"),
                row.getLong("real_account_id"), row.getString("session_hash"),
                hasVnc ? new InetSocketAddress(host, port) : null, row.getBoolean("relay"));
    }

    /**
     * A ticket just used up: what it is bound to, and where the guest's VNC server listened when
     * it was issued (null for tickets from before that was stored, and for guests on another host),
     * and whether it is a relay ticket (one forwarding to the guest's host).
     */
    record Used(long id, long serverId, long accountId, long realAccountId, String sessionHash, InetSocketAddress vnc,
            boolean relay) {

        Optional<InetSocketAddress> target() {
            return Optional.ofNullable(vnc);
        }
    }
}
