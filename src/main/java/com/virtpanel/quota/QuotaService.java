package com.virtpanel.quota;

import com.virtpanel.account.AccountService;
import com.virtpanel.account.Actor;
import com.virtpanel.account.CurrentUser;
import com.virtpanel.base.NotFoundException;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.host.HostOverview;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerRef;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What views and the API may know about limits: a server's effective limits (for its owner
 * or staff), the caller's throttled servers, and for admins every throttled server and the
 * enforcement log.
 */
@Service
@Transactional(readOnly = true)
public class QuotaService {

    private final QuotaStateRepository states;
    private final EnforcementRepository enforcementLog;
    private final ServerService servers;
    private final ServerDirectory directory;
    private final CatalogService catalog;
    private final AccountService accounts;
    private final CurrentUser currentUser;
    private final QuotaProperties config;
    private final HostOverview host;
    private final Clock clock;

    QuotaService(QuotaStateRepository states, EnforcementRepository enforcementLog, ServerService servers,
            ServerDirectory directory, CatalogService catalog, AccountService accounts, CurrentUser currentUser,
            QuotaProperties config, HostOverview host, Clock clock) {
        this.states = states;
        this.enforcementLog = enforcementLog;
        this.servers = servers;
        this.directory = directory;
        this.catalog = catalog;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.config = config;
        this.host = host;
        this.clock = clock;
    }

    /** False where the host's kernel can cap a guest's network neither through libvirt nor through the panel's own tc caps. */
    @Transactional(propagation = Propagation.SUPPORTS) // reads no table: no transaction of its own on every server page
    public boolean enforcesNetworkRate() {
        return host.shapesNetwork();
    }

    /** The limits in force for a server of the caller's (or any, for staff). */
    public EffectiveLimits limits(long serverId) {
        ServerInfo server = servers.get(serverId);
        return effective(server.id(), catalog.plan(server.planId()), states.findById(server.id()));
    }

    /** The caller's own throttled servers (empty for staff acting as themselves). */
    public List<ThrottledServer> mine() {
        Actor actor = currentUser.require();
        if (actor.isStaff() && !actor.isImpersonated()) {
            return List.of();
        }
        // every page asks (the banner): the ids and their throttle states, and only a throttled
        // server's own view (the rare case) is made
        List<Long> own = servers.ids();
        if (own.isEmpty()) {
            return List.of();
        }
        Map<Long, QuotaState> throttled = states.findThrottledAmong(own).stream()
                .collect(Collectors.toMap(QuotaState::getServerId, q -> q));
        return own.stream().filter(throttled::containsKey).map(servers::get)
                .map(s -> new ThrottledServer(s.id(), s.accountId(), actor.email(), s.name(), s.domain(),
                        effective(s.id(), catalog.plan(s.planId()), Optional.of(throttled.get(s.id())))))
                .toList();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<ThrottledServer> throttled() {
        Map<Long, String> owners = new HashMap<>();
        return states.findByCpuThrottledTrueOrTrafficThrottledTrue().stream()
                .flatMap(q -> directory.find(q.getServerId()).filter(s -> s.status() != ServerStatus.DELETED).stream()
                        .map(s -> new ThrottledServer(s.id(), s.accountId(),
                                owners.computeIfAbsent(s.accountId(), this::email), s.name(), s.domain(),
                                effective(s.id(), catalog.plan(s.planId()), Optional.of(q)))))
                .toList();
    }

    /** The newest entries of the enforcement log, at most {@code limit} (up to 1000). */
    @PreAuthorize("hasRole('ADMIN')")
    public List<EnforcementEntry> enforcementLog(int limit) {
        Map<Long, String> names = new HashMap<>();
        return enforcementLog.findByOrderByAtDescIdDesc(PageRequest.of(0, Math.max(1, Math.min(1000, limit)))).stream()
                .map(r -> r.entry(names.computeIfAbsent(r.getServerId(),
                        id -> directory.find(id).map(ServerRef::name).orElse("#" + id))))
                .toList();
    }

    /** The newest enforcement entries of one server of the caller's (or any, for staff). */
    public List<EnforcementEntry> enforcementLog(long serverId, int limit) {
        ServerInfo server = servers.get(serverId);
        return enforcementLog.findByServerIdOrderByAtDescIdDesc(server.id(), PageRequest.of(0, Math.max(1, Math.min(1000, limit))))
                .stream().map(r -> r.entry(server.name())).toList();
    }

    private String email(long accountId) {
        try {
            return accounts.get(accountId).email();
        } catch (NotFoundException gone) {
            return "#" + accountId;
        }
    }

    private EffectiveLimits effective(long serverId, PlanInfo plan, Optional<QuotaState> found) {
        Instant now = clock.instant();
        TrafficPeriod period = TrafficPeriod.containing(now, config.traffic());
        BurstPolicy policy = BurstPolicy.of(plan, config.burst());
        // A server not yet seen by the reconciler: a fresh state, as it will be on the first pass.
        QuotaState q = found.orElseGet(() -> new Accounting(config).fresh(serverId, plan, now));
        // The reconciler rolls the period over on its next pass; until then an old period counts as over.
        boolean current = !q.getTrafficPeriodStart().isBefore(period.start());
        boolean cpuThrottled = policy != null && q.isCpuThrottled();
        boolean trafficThrottled = current && q.isTrafficThrottled();
        EffectiveLimits.Burst burst = policy == null ? null
                : new EffectiveLimits.Burst(policy.baselinePercent(), q.getCredits(), policy.maxCredits(), policy.resumeCredits(),
                        cpuThrottled, q.getCpuThrottledSince(), cpuThrottled ? policy.recoveryAtIdle(q.getCredits()) : null,
                        policy.fullSpeedFor(q.getCredits()), q.getLastCpuPercent());
        var traffic = new EffectiveLimits.Traffic(current ? q.getTrafficBytes() : 0, plan.trafficBytes(),
                period.start(), period.end(), trafficThrottled, trafficThrottled ? q.getTrafficThrottledSince() : null,
                plan.throttledNetMbps());
        return new EffectiveLimits(serverId, plan.vcpus(), policy == null ? plan.cpuCapPercent() : policy.capPercent(cpuThrottled),
                plan.cpuCapPercent(), plan.cpuShares(), plan.diskIops(), plan.diskMbps(),
                trafficThrottled ? plan.throttledNetMbps() : plan.netMbps(), plan.netMbps(), burst, traffic, q.getCheckedAt());
    }
}
