package com.virtpanel.server;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which host a server lives on, for the fleet module. */
@Service
public class ServerHosts {

    private final ServerRepository servers;
    private final Capacity capacity;

    ServerHosts(ServerRepository servers, Capacity capacity) {
        this.servers = servers;
        this.capacity = capacity;
    }

    /** What the live servers' plans promise, by host. */
    @Transactional(readOnly = true)
    public java.util.Map<String, HostPlacement.Demand> promised() {
        return capacity.promisedByHost();
    }

    /** Servers ordered before hosts were data live on the one host the panel drove: gives them {@code host}. */
    @Transactional
    public int adoptUnplaced(String host) {
        return servers.assignHostWhereMissing(host);
    }

    /** Live servers per host, for the staff's host list. */
    @Transactional(readOnly = true)
    public java.util.Map<String, Long> liveCounts() {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        for (Object[] row : servers.countLiveByHost(ServerStatus.DELETED)) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** The live servers on {@code host}, oldest first: what draining it moves. */
    @Transactional(readOnly = true)
    public java.util.List<Long> liveOn(String host) {
        return servers.findIdsByHostAndStatusNotOrderById(host, ServerStatus.DELETED);
    }
}
