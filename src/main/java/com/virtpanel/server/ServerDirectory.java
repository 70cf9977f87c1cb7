package com.virtpanel.server;

import com.virtpanel.base.SkipsCallerCheck;
import com.virtpanel.base.hosts.LocalHost;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to servers for the panel's own jobs (usage sampling, limit enforcement, console
 * proxy). Not for views or controllers: those go through {@link ServerService}, which
 * authorises the caller.
 */
@SkipsCallerCheck
@Service
@Transactional(readOnly = true)
public class ServerDirectory {

    private final ServerRepository servers;
    private final GuestBlueprint blueprint;
    private final LocalHost localHost;

    ServerDirectory(ServerRepository servers, GuestBlueprint blueprint, LocalHost localHost) {
        this.servers = servers;
        this.blueprint = blueprint;
        this.localHost = localHost;
    }

    /** Servers that should have a running guest (running or rebooting, no operation in progress). */
    public List<ServerRef> running() {
        return servers.findByStatusIn(EnumSet.of(ServerStatus.RUNNING, ServerStatus.REBOOTING)).stream()
                .filter(s -> s.getOperation() == null).map(ServerDirectory::ref).toList();
    }

    /** {@link #running()} on this instance's host: what its host jobs (the limit reconciler) look after. */
    public List<ServerRef> runningHere() {
        return servers.findByStatusIn(EnumSet.of(ServerStatus.RUNNING, ServerStatus.REBOOTING)).stream()
                .filter(s -> s.getOperation() == null && localHost.isLocal(s.getHost())).map(ServerDirectory::ref).toList();
    }

    /** {@link #live()} on this instance's host: what its host jobs (the firewall reconciler) look after. */
    public List<ServerRef> liveHere() {
        return servers.findByStatusNotOrderByCreatedAt(ServerStatus.DELETED).stream()
                .filter(s -> localHost.isLocal(s.getHost())).map(ServerDirectory::ref).toList();
    }

    /** All servers that exist (not deleted). */
    public List<ServerRef> live() {
        return servers.findByStatusNotOrderByCreatedAt(ServerStatus.DELETED).stream().map(ServerDirectory::ref).toList();
    }

    public Optional<ServerRef> find(long id) {
        return servers.findById(id).map(ServerDirectory::ref);
    }

    /** The server's IPv4 address, for telling its owner where it is (the "server ready" mail). */
    public Optional<String> ipv4(long id) {
        return servers.findById(id).map(Server::getIpv4);
    }

    /** The server's own IPv6 /64 as its network address ("fd76:a82:0:1::"); empty when it has none. */
    public Optional<String> ipv6Network(long id) {
        return servers.findById(id).map(Server::getIpv6Net).map(net -> blueprint.ipv6().network(net));
    }

    /** The server's addresses (as {@link ServerService#addresses} shows them to its owner); empty for an unknown id. */
    public List<ServerAddress> addresses(long id) {
        return servers.findById(id).map(blueprint::addressesOf).orElse(List.of());
    }

    /** The pool volume the server boots from (backups copy it); empty for a server that is gone. */
    public Optional<String> diskVolume(long id) {
        return servers.findById(id).filter(s -> s.getStatus() != ServerStatus.DELETED).map(Server::getDiskVolume);
    }

    /** The host the server lives on (the fleet's host name); empty for an unknown id or a row not yet placed. */
    public Optional<String> host(long id) {
        return servers.findById(id).map(Server::getHost);
    }

    /** Whether the server lives on this instance's host (a server not placed yet does; an unknown id counts as here). */
    public boolean isHere(long id) {
        return host(id).map(localHost::isLocal).orElse(true);
    }

    public Optional<ServerRef> byDomain(String domain) {
        return servers.findByDomainName(domain).map(ServerDirectory::ref);
    }

    static ServerRef ref(Server s) {
        return new ServerRef(s.getId(), s.getAccountId(), s.getName(), s.getDomainName(), s.getStatus(), s.getPlanId());
    }
}
