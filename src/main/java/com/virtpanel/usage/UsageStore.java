package com.virtpanel.usage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The usage tables, through plain JDBC: time series are written in batches every few
 * seconds, which an ORM would only slow down. The SQL is the subset H2 and PostgreSQL share.
 */
@Repository
class UsageStore {

    private static final Measure[] MEASURES = Measure.values();
    private static final String RAW_COLUMNS = Arrays.stream(MEASURES).map(Measure::column).collect(Collectors.joining(", "));
    private static final String ROLLUP_COLUMNS = Arrays.stream(MEASURES)
            .map(m -> m.column() + "_avg, " + m.column() + "_max").collect(Collectors.joining(", "));
    private static final String COUNTER_COLUMNS = "boot_id, sampled_at, cpu_time_ns, disk_read_bytes, disk_write_bytes, "
            + "disk_read_ops, disk_write_ops, net_rx_bytes, net_tx_bytes";

    private final JdbcTemplate jdbc;

    UsageStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- counters between passes ----------------------------------------------------------

    Map<Long, Counters> counters() {
        var found = new HashMap<Long, Counters>();
        jdbc.query("SELECT server_id, " + COUNTER_COLUMNS + " FROM usage_counter", rs -> {
            var c = new Counters(rs.getLong(1), rs.getLong(2), instant(rs, 3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                    rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10));
            found.put(c.serverId(), c);
        });
        return found;
    }

    /** Replaces the stored counters: {@code known} are the server ids that already have a row. */
    void saveCounters(List<Counters> counters, Collection<Long> known) {
        var updates = counters.stream().filter(c -> known.contains(c.serverId())).toList();
        var inserts = counters.stream().filter(c -> !known.contains(c.serverId())).toList();
        jdbc.batchUpdate("UPDATE usage_counter SET boot_id = ?, sampled_at = ?, cpu_time_ns = ?, disk_read_bytes = ?, "
                + "disk_write_bytes = ?, disk_read_ops = ?, disk_write_ops = ?, net_rx_bytes = ?, net_tx_bytes = ? "
                + "WHERE server_id = ?", updates, 500, (ps, c) -> {
                    bindCounters(ps, c, 1);
                    ps.setLong(10, c.serverId());
                });
        jdbc.batchUpdate("INSERT INTO usage_counter (" + COUNTER_COLUMNS + ", server_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                inserts, 500, (ps, c) -> {
                    bindCounters(ps, c, 1);
                    ps.setLong(10, c.serverId());
                });
    }

    void deleteCounters(long serverId) {
        jdbc.update("DELETE FROM usage_counter WHERE server_id = ?", serverId);
    }

    // --- rates ----------------------------------------------------------------------------

    void insertRaw(List<StoredPoint> points) {
        String marks = String.join(", ", java.util.Collections.nCopies(MEASURES.length, "?"));
        jdbc.batchUpdate("INSERT INTO usage_raw (server_id, ts, covered_s, " + RAW_COLUMNS + ") VALUES (?, ?, ?, " + marks + ")",
                points, 500, (ps, p) -> {
                    ps.setLong(1, p.serverId());
                    ps.setObject(2, utc(p.ts()));
                    ps.setDouble(3, p.coveredSeconds());
                    for (int i = 0; i < MEASURES.length; i++) {
                        ps.setDouble(4 + i, p.avg()[i]);
                    }
                });
    }

    void insertRollup(Resolution resolution, List<StoredPoint> points) {
        String marks = String.join(", ", java.util.Collections.nCopies(MEASURES.length * 2, "?"));
        jdbc.batchUpdate("INSERT INTO " + resolution.table() + " (server_id, ts, covered_s, " + ROLLUP_COLUMNS
                + ") VALUES (?, ?, ?, " + marks + ")", points, 500, (ps, p) -> {
                    ps.setLong(1, p.serverId());
                    ps.setObject(2, utc(p.ts()));
                    ps.setDouble(3, p.coveredSeconds());
                    for (int i = 0; i < MEASURES.length; i++) {
                        ps.setDouble(4 + 2 * i, p.avg()[i]);
                        ps.setDouble(5 + 2 * i, p.max()[i]);
                    }
                });
    }

    /** One server's points with from <= ts <= to, oldest first. */
    List<StoredPoint> points(Resolution resolution, long serverId, Instant from, Instant to) {
        var points = new ArrayList<StoredPoint>();
        jdbc.query(select(resolution) + " WHERE server_id = ? AND ts >= ? AND ts <= ? ORDER BY ts",
                rs -> { points.add(point(resolution, rs)); }, serverId, utc(from), utc(to));
        return points;
    }

    /** Every server's points with from <= ts < to, handed over one by one (a rollup can be large). */
    void eachPoint(Resolution resolution, Instant from, Instant to, Consumer<StoredPoint> consumer) {
        jdbc.query(select(resolution) + " WHERE ts >= ? AND ts < ?", rs -> { consumer.accept(point(resolution, rs)); },
                utc(from), utc(to));
    }

    Optional<Instant> oldest(Resolution resolution) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT MIN(ts) FROM " + resolution.table(), OffsetDateTime.class))
                .map(OffsetDateTime::toInstant);
    }

    int deleteBefore(Resolution resolution, Instant cutoff) {
        return jdbc.update("DELETE FROM " + resolution.table() + " WHERE ts < ?", utc(cutoff));
    }

    // --- rollup progress --------------------------------------------------------------------

    Optional<Instant> rolledUntil(Resolution resolution) {
        return jdbc.query("SELECT rolled_until FROM usage_rollup_mark WHERE resolution = ?",
                (rs, i) -> instant(rs, 1), resolution.apiName()).stream().findFirst();
    }

    void markRolledUntil(Resolution resolution, Instant until) {
        if (jdbc.update("UPDATE usage_rollup_mark SET rolled_until = ? WHERE resolution = ?", utc(until), resolution.apiName()) == 0) {
            jdbc.update("INSERT INTO usage_rollup_mark (resolution, rolled_until) VALUES (?, ?)", resolution.apiName(), utc(until));
        }
    }

    // --- helpers ------------------------------------------------------------------------------

    private static String select(Resolution resolution) {
        return "SELECT server_id, ts, covered_s, " + (resolution == Resolution.RAW ? RAW_COLUMNS : ROLLUP_COLUMNS)
                + " FROM " + resolution.table();
    }

    private static StoredPoint point(Resolution resolution, ResultSet rs) throws SQLException {
        var avg = new double[MEASURES.length];
        double[] max;
        if (resolution == Resolution.RAW) {
            for (int i = 0; i < MEASURES.length; i++) {
                avg[i] = rs.getDouble(4 + i);
            }
            max = avg;
        } else {
            max = new double[MEASURES.length];
            for (int i = 0; i < MEASURES.length; i++) {
                avg[i] = rs.getDouble(4 + 2 * i);
                max[i] = rs.getDouble(5 + 2 * i);
            }
        }
        return new StoredPoint(rs.getLong(1), instant(rs, 2), rs.getDouble(3), avg, max);
    }

    private static void bindCounters(PreparedStatement ps, Counters c, int first) throws SQLException {
        ps.setLong(first, c.bootId());
        ps.setObject(first + 1, utc(c.at()));
        ps.setLong(first + 2, c.cpuTimeNs());
        ps.setLong(first + 3, c.diskReadBytes());
        ps.setLong(first + 4, c.diskWriteBytes());
        ps.setLong(first + 5, c.diskReadOps());
        ps.setLong(first + 6, c.diskWriteOps());
        ps.setLong(first + 7, c.netRxBytes());
        ps.setLong(first + 8, c.netTxBytes());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
