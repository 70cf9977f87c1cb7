package com.virtpanel.fleet;

import com.virtpanel.base.CapacityException;
import com.virtpanel.base.UserMessage;
import com.virtpanel.host.CpuSet;
import com.virtpanel.server.DedicatedCores;
import com.virtpanel.server.ServerEvents;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hands out a host's reserved cores (hosts.dedicated_cpuset) to dedicated servers, one row of
 * dedicated_core per core held. The order guard already lets one order decide at a time; the
 * table's key (host, core) is what makes it hold whatever happens: a second holder of a core
 * is refused by the database, and its whole order rolls back.
 */
@Component
class FleetDedicatedCores implements DedicatedCores {

    private final JdbcTemplate db;

    FleetDedicatedCores(JdbcTemplate db) {
        this.db = db;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public CpuSet reserve(String host, long serverId, int count) {
        CpuSet reserved = CpuSet.parse(db.query("SELECT dedicated_cpuset FROM hosts WHERE name = ?",
                rs -> rs.next() ? rs.getString(1) : "", host));
        CpuSet held = CpuSet.of(db.queryForList("SELECT core FROM dedicated_core WHERE host = ?", Integer.class, host));
        CpuSet chosen = reserved.minus(held).lowest(count).orElseThrow(FleetDedicatedCores::noFreeCore);
        try {
            for (int core : chosen.cpus()) {
                db.update("INSERT INTO dedicated_core (host, core, server_id) VALUES (?, ?, ?)", host, core, serverId);
            }
        } catch (DuplicateKeyException takenMeanwhile) {
            throw noFreeCore();
        }
        return chosen;
    }

    @Override
    @Transactional(readOnly = true)
    public CpuSet of(String host, long serverId) {
        return CpuSet.of(db.queryForList("SELECT core FROM dedicated_core WHERE host = ? AND server_id = ? ORDER BY core",
                Integer.class, host, serverId));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void keepOnlyOn(String host, long serverId) {
        db.update("DELETE FROM dedicated_core WHERE server_id = ? AND host <> ?", serverId, host);
    }

    /** Before the deletion commits: the cores are free the moment the server is gone, never earlier. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.Deleted e) {
        db.update("DELETE FROM dedicated_core WHERE server_id = ?", e.serverId());
    }

    private static CapacityException noFreeCore() {
        return new CapacityException(UserMessage.of("error.server.no-free-dedicated-core"));
    }
}
