package com.virtpanel.network;

import com.virtpanel.account.Actor;
import com.virtpanel.account.CurrentUser;
import com.virtpanel.base.ConflictException;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.NotFoundException;
import com.virtpanel.base.UserMessage;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers' firewalls: create, change, delete, attach to and detach from their servers.
 * Someone else's firewall or server is "not found". Changes reach the host right after the
 * transaction commits ({@link FirewallEnforcer}); until then an attachment reads "pending".
 */
@Service
@Transactional
public class FirewallService {

    private final FirewallRepository firewalls;
    private final AttachmentRepository attachments;
    private final OwnerRows owners;
    private final ServerService servers;
    private final CurrentUser currentUser;
    private final FirewallProperties limits;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FirewallService(FirewallRepository firewalls, AttachmentRepository attachments, OwnerRows owners,
            ServerService servers, CurrentUser currentUser, FirewallProperties limits,
            ApplicationEventPublisher events, Clock clock) {
        this.firewalls = firewalls;
        this.attachments = attachments;
        this.owners = owners;
        this.servers = servers;
        this.currentUser = currentUser;
        this.limits = limits;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<FirewallInfo> mine() {
        return firewalls.findByAccountIdOrderByName(currentUser.require().accountId()).stream().map(this::info).toList();
    }

    @Transactional(readOnly = true)
    public FirewallInfo get(long id) {
        return info(visible(id));
    }

    public FirewallInfo create(String name, List<FirewallRule> rules) {
        Actor actor = currentUser.requireMayChange();
        String checkedName = FirewallRules.name(name);
        List<StoredRule> parsed = FirewallRules.parse(rules, limits.maxRules());
        owners.lock(actor.accountId());
        if (firewalls.countByAccountId(actor.accountId()) >= limits.maxFirewalls()) {
            throw new ConflictException(UserMessage.of("error.firewall.too-many-firewalls", limits.maxFirewalls()));
        }
        if (firewalls.existsByAccountIdAndName(actor.accountId(), checkedName)) {
            throw new InvalidInputException("name", UserMessage.of("error.firewall.name-taken"));
        }
        Firewall saved = firewalls.save(new Firewall(actor.accountId(), checkedName, parsed, clock.instant()));
        events.publishEvent(new FirewallEvents.Created(actor.accountId(), saved.getId(), checkedName, parsed.size()));
        return info(saved);
    }

    public FirewallInfo update(long id, String name, List<FirewallRule> rules) {
        Firewall firewall = changeable(id);
        String checkedName = FirewallRules.name(name);
        List<StoredRule> parsed = FirewallRules.parse(rules, limits.maxRules());
        owners.lock(firewall.getAccountId());
        if (!checkedName.equals(firewall.getName())
                && firewalls.existsByAccountIdAndName(firewall.getAccountId(), checkedName)) {
            throw new InvalidInputException("name", UserMessage.of("error.firewall.name-taken"));
        }
        firewall.change(checkedName, parsed);
        firewalls.save(firewall);
        events.publishEvent(new FirewallEvents.Changed(firewall.getAccountId(), id, checkedName, parsed.size()));
        serversChanged(attachments.findByFirewallId(id).stream().map(Attachment::getServerId).toList());
        return info(firewall);
    }

    public void delete(long id) {
        Firewall firewall = changeable(id);
        owners.lock(firewall.getAccountId());
        List<Long> affected = attachments.findByFirewallId(id).stream().map(Attachment::getServerId).toList();
        attachments.deleteAll(attachments.findByFirewallId(id));
        firewalls.delete(firewall);
        events.publishEvent(new FirewallEvents.Deleted(firewall.getAccountId(), id, firewall.getName()));
        serversChanged(affected);
    }

    public FirewallInfo attach(long id, long serverId) {
        Firewall firewall = changeable(id);
        ServerInfo server = servers.get(serverId);
        if (server.accountId() != firewall.getAccountId()) {
            // the caller may see it (staff), but it is not the firewall owner's server
            throw new NotFoundException(UserMessage.of("error.server.server-not-found"));
        }
        owners.lock(firewall.getAccountId());
        if (attachments.existsById(new Attachment.Key(id, serverId))) {
            return info(firewall);
        }
        if (attachments.countByServerId(serverId) >= limits.maxPerServer()) {
            throw new ConflictException(UserMessage.of("error.firewall.too-many-on-server", limits.maxPerServer()));
        }
        attachments.save(new Attachment(id, serverId));
        events.publishEvent(new FirewallEvents.Attached(firewall.getAccountId(), id, firewall.getName(), serverId));
        serversChanged(List.of(serverId));
        return info(firewall);
    }

    public FirewallInfo detach(long id, long serverId) {
        Firewall firewall = changeable(id);
        owners.lock(firewall.getAccountId());
        Attachment attachment = attachments.findById(new Attachment.Key(id, serverId))
                .orElseThrow(() -> new NotFoundException(UserMessage.of("error.firewall.not-attached")));
        attachments.delete(attachment);
        events.publishEvent(new FirewallEvents.Detached(firewall.getAccountId(), id, firewall.getName(), serverId));
        serversChanged(List.of(serverId));
        return info(firewall);
    }

    /** The firewalls on a server the caller may see, each "applied" or "pending". */
    @Transactional(readOnly = true)
    public List<ServerFirewall> ofServer(long serverId) {
        servers.get(serverId);
        List<ServerFirewall> result = new ArrayList<>();
        for (Attachment a : attachments.findByServerId(serverId)) {
            firewalls.findById(a.getFirewallId()).ifPresent(f ->
                    result.add(new ServerFirewall(f.getId(), f.getName(), a.appliedAt(f.getRevision()) ? "applied" : "pending")));
        }
        return result;
    }

    /** The caller's limits, for pages that say how many more they may create. */
    public FirewallProperties limits() {
        return limits;
    }

    private Firewall visible(long id) {
        Actor actor = currentUser.require();
        return firewalls.findById(id).filter(f -> actor.mayAccess(f.getAccountId()))
                .orElseThrow(() -> new NotFoundException(UserMessage.of("error.firewall.not-found")));
    }

    private Firewall changeable(long id) {
        Firewall firewall = visible(id);
        currentUser.requireMayChange().requireMayChange(firewall.getAccountId());
        return firewall;
    }

    private void serversChanged(List<Long> serverIds) {
        if (!serverIds.isEmpty()) {
            events.publishEvent(new FirewallEnforcer.ServersChanged(List.copyOf(serverIds)));
        }
    }

    private FirewallInfo info(Firewall f) {
        Map<Long, String> names = new HashMap<>();
        List<FirewallInfo.Attached> attached = new ArrayList<>();
        for (Attachment a : attachments.findByFirewallId(f.getId())) {
            String serverName = names.computeIfAbsent(a.getServerId(), this::serverName);
            attached.add(new FirewallInfo.Attached(a.getServerId(), serverName,
                    a.appliedAt(f.getRevision()) ? "applied" : "pending"));
        }
        return new FirewallInfo(f.getId(), f.getName(), f.getRules().stream().map(StoredRule::view).toList(), attached);
    }

    private String serverName(long serverId) {
        try {
            return servers.get(serverId).name();
        } catch (NotFoundException gone) {
            return "#" + serverId;
        }
    }
}
